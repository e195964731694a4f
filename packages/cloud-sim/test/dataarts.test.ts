import { expect, test } from 'vitest'
import type { CloudSim } from '../src/index.js'
import { getJson, manualSim, projectOf, tokenFor } from './helpers.js'

interface Job {
  name: string
  status: string
  jobType: string
  lastInstanceStatus?: string
}
interface Instance {
  jobName: string
  instanceId: number
  status: string
}

async function setup(
  o: Parameters<typeof manualSim>[0] = {},
): Promise<{ sim: CloudSim; token: string; base: string }> {
  const sim = manualSim(o)
  const p = projectOf(sim)
  return { sim, token: await tokenFor(sim, { region: p.region }), base: `/dataarts/v1/${p.id}` }
}

async function jobs(sim: CloudSim, token: string, base: string, type: string): Promise<Job[]> {
  return (
    (await getJson(sim, `${base}/jobs?jobType=${type}&limit=1000`, token)).body as { jobs: Job[] }
  ).jobs
}

test('job list: BATCH by default, record offset, total, every status per type', async () => {
  const { sim, token, base } = await setup()
  const first = await getJson(sim, `${base}/jobs?limit=3`, token)
  const body = first.body as { total: number; jobs: Job[] }
  expect(body.total).toBe(15)
  expect(body.jobs.every((j) => j.jobType === 'BATCH')).toBe(true)
  const second = (await getJson(sim, `${base}/jobs?limit=3&offset=1`, token)).body as {
    jobs: Job[]
  }
  expect(second.jobs[0]?.name).toBe(body.jobs[1]?.name)
  expect(new Set((await jobs(sim, token, base, 'BATCH')).map((j) => j.status))).toEqual(
    new Set(['SCHEDULING', 'STOPPED', 'PAUSED']),
  )
  expect(new Set((await jobs(sim, token, base, 'REAL_TIME')).map((j) => j.status))).toEqual(
    new Set(['STARTING', 'NORMAL', 'EXCEPTION', 'STOPPING', 'STOPPED']),
  )
  expect((await getJson(sim, `${base}/jobs?jobType=STREAM`, token)).body).toMatchObject({
    error_code: 'DLF.3051',
  })
})

test('unknown job is 400 DLF.0100 with the documented (sic) message', async () => {
  const { sim, token, base } = await setup()
  for (const [method, path] of [
    ['GET', '/jobs/ghost'],
    ['POST', '/jobs/ghost/stop'],
    ['DELETE', '/jobs/ghost'],
    ['GET', '/jobs/ghost/status'],
  ]) {
    const r = await getJson(sim, `${base}${path}`, token, { method })
    expect(r.status).toBe(400)
    expect(r.body).toEqual({ error_code: 'DLF.0100', error_msg: 'The job does not exists.' })
  }
})

test('real-time stop: 204, STOPPING then STOPPED; forced failure ends in EXCEPTION', async () => {
  const { sim, token, base } = await setup({ stopDelayMs: 3000 })
  const normal = (await jobs(sim, token, base, 'REAL_TIME')).filter((j) => j.status === 'NORMAL')
  const [a, b] = normal
  if (!a || !b) throw new Error('need two NORMAL jobs')
  const stop = await sim.fetch(`http://127.0.0.1:4010${base}/jobs/${a.name}/stop`, {
    method: 'POST',
    headers: { 'x-auth-token': token },
  })
  expect(stop.status).toBe(204)
  expect(await stop.text()).toBe('')
  const status = async (name: string): Promise<string> =>
    ((await getJson(sim, `${base}/jobs/${name}/status`, token)).body as { status: string }).status
  expect(await status(a.name)).toBe('STOPPING')
  sim.control.forceStopFailure('dataarts', b.name)
  await getJson(sim, `${base}/jobs/${b.name}/stop`, token, { method: 'POST' })
  sim.control.advance(3000)
  expect(await status(a.name)).toBe('STOPPED')
  expect(await status(b.name)).toBe('EXCEPTION')
  const rt = (await getJson(sim, `${base}/jobs/${a.name}/status`, token)).body as {
    nodes: Record<string, unknown>[]
  }
  expect(rt.nodes[0]).toHaveProperty('LastInstanceStatus')
})

test('batch stop switches the schedule off; start turns it back on', async () => {
  const { sim, token, base } = await setup()
  const job = (await jobs(sim, token, base, 'BATCH')).find((j) => j.status === 'SCHEDULING')
  if (!job) throw new Error('need a SCHEDULING job')
  expect(
    (await getJson(sim, `${base}/jobs/${job.name}/stop`, token, { method: 'POST' })).status,
  ).toBe(204)
  expect((await jobs(sim, token, base, 'BATCH')).find((j) => j.name === job.name)?.status).toBe(
    'STOPPED',
  )
  expect(
    (await getJson(sim, `${base}/jobs/${job.name}/start`, token, { method: 'POST' })).status,
  ).toBe(204)
  expect((await jobs(sim, token, base, 'BATCH')).find((j) => j.name === job.name)?.status).toBe(
    'SCHEDULING',
  )
})

test('instances: list, detail, stop running → manual-stop, stop non-running refused', async () => {
  const { sim, token, base } = await setup({ stopDelayMs: 500 })
  const list = (await getJson(sim, `${base}/jobs/instances/detail?limit=1000`, token)).body as {
    total: number
    instances: Instance[]
  }
  expect(new Set(list.instances.map((i) => i.status)).size).toBe(7)
  const running = list.instances.find((i) => i.status === 'running')
  const done = list.instances.find((i) => i.status === 'success')
  if (!running || !done) throw new Error('fixtures missing')
  expect(typeof running.instanceId).toBe('number')
  const detail = await getJson(
    sim,
    `${base}/jobs/${running.jobName}/instances/${running.instanceId}`,
    token,
  )
  expect(detail.body).toMatchObject({
    jobName: running.jobName,
    instanceId: running.instanceId,
    status: 'running',
  })
  expect(
    (
      await getJson(
        sim,
        `${base}/jobs/${running.jobName}/instances/${running.instanceId}/stop`,
        token,
        { method: 'POST' },
      )
    ).status,
  ).toBe(204)
  sim.control.advance(500)
  expect(
    (await getJson(sim, `${base}/jobs/${running.jobName}/instances/${running.instanceId}`, token))
      .body,
  ).toMatchObject({ status: 'manual-stop' })
  expect(
    (
      await getJson(sim, `${base}/jobs/${done.jobName}/instances/${done.instanceId}/stop`, token, {
        method: 'POST',
      })
    ).status,
  ).toBe(400)
  expect(
    (await getJson(sim, `${base}/jobs/${done.jobName}/instances/1`, token)).body,
  ).toMatchObject({ error_code: 'DLF.0137' })
})

test('delete job: 204 and it disappears with its instances', async () => {
  const { sim, token, base } = await setup()
  const job = (await jobs(sim, token, base, 'BATCH'))[0]
  if (!job) throw new Error('no job')
  expect((await getJson(sim, `${base}/jobs/${job.name}`, token, { method: 'DELETE' })).status).toBe(
    204,
  )
  expect((await getJson(sim, `${base}/jobs/${job.name}`, token)).status).toBe(400)
  const left = (
    await getJson(
      sim,
      `${base}/jobs/instances/detail?limit=1000&preciseQuery=true&jobName=${job.name}`,
      token,
    )
  ).body
  expect(left).toMatchObject({ total: 0 })
})

test('run-immediate returns a numeric instanceId for batch jobs', async () => {
  const { sim, token, base } = await setup()
  const job = (await jobs(sim, token, base, 'BATCH'))[0]
  const res = await getJson(sim, `${base}/jobs/${job?.name}/run-immediate`, token, {
    method: 'POST',
  })
  expect(res.status).toBe(200)
  expect(res.text).toMatch(/^\{"instanceId":\d+\}$/)
})

test('scripts: execute LAUNCHING → RUNNING → FINISHED, broken script FAILED, stop, errors', async () => {
  const { sim, token, base } = await setup({ stopDelayMs: 1000 })
  const scripts = (
    (await getJson(sim, `${base}/scripts?limit=100`, token)).body as { scripts: { name: string }[] }
  ).scripts
  const good = scripts.find((s) => !s.name.includes('broken'))?.name ?? ''
  const broken = scripts.find((s) => s.name.includes('broken'))?.name ?? ''
  const exec = async (name: string): Promise<string> =>
    (
      (
        await getJson(sim, `${base}/scripts/${name}/execute`, token, {
          method: 'POST',
          body: '{"params":{"bizdate":"20260101"}}',
        })
      ).body as { instanceId: string }
    ).instanceId
  const result = async (
    name: string,
    id: string,
  ): Promise<{ status: string; results: unknown[] }> =>
    (await getJson(sim, `${base}/scripts/${name}/instances/${id}`, token)).body as {
      status: string
      results: unknown[]
    }
  const a = await exec(good)
  const b = await exec(broken)
  const c = await exec(good)
  expect(typeof a).toBe('string')
  expect((await result(good, a)).status).toBe('LAUNCHING')
  sim.control.advance(3000)
  expect((await result(good, a)).status).toBe('RUNNING')
  expect(
    (await getJson(sim, `${base}/scripts/${good}/instances/${c}/stop`, token, { method: 'POST' }))
      .status,
  ).toBe(204)
  sim.control.advance(30_000)
  const finished = await result(good, a)
  expect(finished.status).toBe('FINISHED')
  expect(finished.results[0]).toMatchObject({ rowCount: 3 })
  expect((await result(broken, b)).status).toBe('FAILED')
  expect(await result(good, c)).toMatchObject({
    status: 'FAILED',
    message: 'The script instance was stopped manually.',
  })
  expect(
    (await getJson(sim, `${base}/scripts/nope/execute`, token, { method: 'POST' })).body,
  ).toMatchObject({ error_code: 'DLF.6201' })
  expect(
    (await getJson(sim, `${base}/scripts/${good}/instances/nope/stop`, token, { method: 'POST' }))
      .body,
  ).toEqual({
    error_code: 'DLF.6205',
    error_msg: 'The script running history does not exist.',
  })
})

test('workspace header must match the workspace id when sent', async () => {
  const { sim, token, base } = await setup()
  expect(
    (
      await getJson(sim, `${base}/jobs`, token, {
        headers: { workspace: sim.defaults.workspaceId },
      })
    ).status,
  ).toBe(200)
  expect(
    (await getJson(sim, `${base}/jobs`, token, { headers: { workspace: 'f'.repeat(32) } })).status,
  ).toBe(400)
})
