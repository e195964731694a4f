import { Hono } from 'hono'
import type { SimEnv } from '../http.js'
import { isRecord, sendJson } from '../http.js'
import type { JsonInput } from '@ops-console/lossless-json'
import type { SimControl, SimFault } from '../types.js'
import { SERVICE_NAMES } from '../types.js'
import { summarizeWorld } from '../world/generate.js'
import type { World } from '../world/types.js'
import { FAULT_KINDS } from './faults.js'

/** Validates a fault from JSON; returns an error message when it is not one. */
export function parseFault(body: unknown): SimFault | string {
  if (!isRecord(body)) return 'body must be a JSON object'
  if (!FAULT_KINDS.includes(body.kind as never))
    return `kind must be one of ${FAULT_KINDS.join(', ')}`
  if (body.service !== undefined && !SERVICE_NAMES.includes(body.service as never))
    return 'unknown service'
  for (const key of ['method', 'path', 'retryAfter', 'location'] as const) {
    if (body[key] !== undefined && typeof body[key] !== 'string') return `${key} must be a string`
  }
  for (const key of ['ms', 'status', 'times'] as const) {
    if (body[key] !== undefined && (typeof body[key] !== 'number' || body[key] < 0))
      return `${key} must be a non-negative number`
  }
  return body as unknown as SimFault
}

function parseBody(text: string): unknown {
  try {
    return text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    return undefined
  }
}

/** `/__sim/*`: the same operations as CloudSim.control, as JSON for out-of-process tests. */
export function controlRoutes(control: SimControl, world: () => World): Hono<SimEnv> {
  const bad = (message: string): Response =>
    new Response(JSON.stringify({ error: message }), {
      status: 400,
      headers: { 'content-type': 'application/json' },
    })
  return new Hono<SimEnv>()
    .post('/faults', async (c) => {
      const fault = parseFault(parseBody(await c.req.text()))
      if (typeof fault === 'string') return bad(fault)
      return c.json({ id: control.injectFault(fault) }, 201)
    })
    .delete('/faults', (c) => {
      control.clearFaults()
      return c.body(null, 204)
    })
    .get('/requests', (c) => c.json({ requests: control.requests() }, 200))
    .delete('/requests', (c) => {
      control.clearRequests()
      return c.body(null, 204)
    })
    .post('/reset', async (c) => {
      const body = parseBody(await c.req.text())
      if (!isRecord(body)) return bad('body must be a JSON object')
      control.reset(body)
      return c.json({ ok: true, now: control.now() }, 200)
    })
    .post('/clock/advance', async (c) => {
      const body = parseBody(await c.req.text())
      if (!isRecord(body) || typeof body.ms !== 'number' || body.ms < 0)
        return bad('ms must be a non-negative number')
      control.advance(body.ms)
      return c.json({ now: control.now() }, 200)
    })
    .get('/clock', (c) =>
      c.json({ now: control.now(), iso: new Date(control.now()).toISOString() }, 200),
    )
    .get('/world', (c) => sendJson(c, 200, summarizeWorld(world()) as unknown as JsonInput))
}
