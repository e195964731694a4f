import { Hono } from 'hono'
import type { SimContext, SimEnv } from '../http.js'
import { intQuery, isRecord, noContent, sendJson } from '../http.js'
import type { JsonInput } from '@ops-console/lossless-json'
import type { SimState } from '../state.js'
import { stopFails } from '../state.js'
import { uuidLike } from '../world/generate-dataarts.js'
import { reachedAt, reschedule, statusAt, timeline } from '../world/timeline.js'
import type { Script, ScriptInstance, ScriptStatus } from '../world/types.js'
import type { Guards } from './dataarts.js'
import { BAD_PARAM, dataartsProject, dlfError } from './dataarts.js'

const SCRIPT_NOT_FOUND = (c: SimContext): Response =>
  dlfError(c, 'DLF.6201', 'The script does not exist.')
const INSTANCE_NOT_FOUND = (c: SimContext): Response =>
  dlfError(c, 'DLF.6205', 'The script running history does not exist.')
const STOPPED_MESSAGE = 'The script instance was stopped manually.'

function scriptView(s: Script): JsonInput {
  return {
    name: s.name,
    type: s.type,
    content: s.content,
    directory: s.directory,
    connectionName: s.connectionName,
    database: s.database,
    queueName: s.queueName,
    configuration: {},
    description: s.description,
  }
}

/** The result body of §2.11; rows are small fixed samples. */
function resultView(inst: ScriptInstance, script: Script | undefined, now: number): JsonInput {
  const status = statusAt(inst.timeline, now)
  const ranFrom = reachedAt(inst.timeline, now, ['RUNNING']) ?? inst.createdAt
  const duration = ((reachedAt(inst.timeline, now, ['FINISHED', 'FAILED']) ?? now) - ranFrom) / 1000
  if (status === 'FINISHED') {
    const rows = [
      [1, 'alpha', '10.50'],
      [2, 'beta', '7.25'],
      [3, 'gamma', '99.00'],
    ]
    return {
      status,
      message: '',
      results: [
        {
          message: '',
          duration,
          rowCount: rows.length,
          inputRowCount: 0,
          rows,
          schema: [{ id: 'bigint' }, { name: 'string' }, { amount: 'decimal(10,2)' }],
        },
      ],
    }
  }
  if (status === 'FAILED') {
    const message = inst.stoppedByUser
      ? STOPPED_MESSAGE
      : `Execution failed: ${script?.type ?? 'SQL'} syntax error near 'FORM' at line 1.`
    return { status, message, results: [{ message, duration, rowCount: 0, rows: [], schema: [] }] }
  }
  return { status, message: '', results: [] }
}

export function dataartsScriptRoutes(state: SimState, guards: Guards): Hono<SimEnv> {
  const scripts = '/v1/:project_id/scripts'
  const findInstance = (c: SimContext): { script: Script; inst: ScriptInstance } | Response => {
    const project = dataartsProject(state, c)
    const script = project.scripts.get(c.req.param('script_name') as string)
    if (!script) return SCRIPT_NOT_FOUND(c)
    const inst = project.scriptInstances.get(c.req.param('instance_id') as string)
    if (!inst || inst.scriptName !== script.name) return INSTANCE_NOT_FOUND(c)
    return { script, inst }
  }
  return new Hono<SimEnv>()
    .get(scripts, ...guards, (c) => {
      const offset = intQuery(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
      // OTC says 1-100, the page intro up to 1000: accept the wider range.
      const limit = intQuery(c, 'limit', 10, 1, 1000)
      if (offset === null || limit === null)
        return BAD_PARAM(c, 'offset must be >= 0 and limit 1-1000.')
      const name = c.req.query('scriptName')?.toLowerCase()
      const matches = [...dataartsProject(state, c).scripts.values()].filter(
        (s) => !name || s.name.toLowerCase().includes(name),
      )
      return sendJson(c, 200, {
        total: matches.length,
        scripts: matches.slice(offset, offset + limit).map(scriptView),
      })
    })
    .post(`${scripts}/:script_name/execute`, ...guards, (c) => {
      const project = dataartsProject(state, c)
      const script = project.scripts.get(c.req.param('script_name'))
      if (!script) return SCRIPT_NOT_FOUND(c)
      const raw = c.get('rawBody')
      if (raw.trim() !== '') {
        let body: unknown
        try {
          body = JSON.parse(raw)
        } catch {
          return BAD_PARAM(c, 'The request body is not valid JSON.')
        }
        if (!isRecord(body) || (body.params !== undefined && !isRecord(body.params)))
          return BAD_PARAM(c, 'params must be an object.')
      }
      const now = state.clock.now()
      const rng = state.world.rng
      const running = now + rng.int(1, 3) * 1000
      const done = running + rng.int(5, 20) * 1000
      const inst: ScriptInstance = {
        instanceId: uuidLike(rng),
        scriptName: script.name,
        createdAt: now,
        stoppedByUser: false,
        timeline: timeline<ScriptStatus>(
          'LAUNCHING',
          now,
          { at: running, status: 'RUNNING' },
          { at: done, status: script.alwaysFails ? 'FAILED' : 'FINISHED' },
        ),
      }
      project.scriptInstances.set(inst.instanceId, inst)
      return sendJson(c, 200, { instanceId: inst.instanceId })
    })
    .get(`${scripts}/:script_name/instances/:instance_id`, ...guards, (c) => {
      const found = findInstance(c)
      if (found instanceof Response) return found
      return sendJson(c, 200, resultView(found.inst, found.script, state.clock.now()))
    })
    .post(`${scripts}/:script_name/instances/:instance_id/stop`, ...guards, (c) => {
      const found = findInstance(c)
      if (found instanceof Response) return found
      const { inst, script } = found
      const now = state.clock.now()
      const status = statusAt(inst.timeline, now)
      if (status !== 'LAUNCHING' && status !== 'RUNNING')
        return BAD_PARAM(c, 'The script instance is not running.')
      // No stopped status is documented (§2.11): a stopped instance ends FAILED with a "stopped
      // manually" message. A failed stop is delivered (204) but the run carries on as planned.
      if (stopFails(state, 'dataarts', `${script.name}:${inst.instanceId}`)) return noContent()
      inst.stoppedByUser = true
      reschedule<ScriptStatus>(inst.timeline, now, [
        { at: now + state.options.stopDelayMs, status: 'FAILED' },
      ])
      return noContent()
    })
}
