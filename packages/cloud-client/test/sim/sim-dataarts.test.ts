import { expect, test } from 'vitest'
import { cloudError, simSetup } from './sim-harness.js'

test('listJobs per jobType, job detail and real-time status', async () => {
  const { client } = simSetup('aksk')
  const realtime = (await client.dataarts.listJobs({ jobType: 'REAL_TIME', limit: 100 })).data
  const batch = (await client.dataarts.listJobs({ jobType: 'BATCH', limit: 100 })).data
  expect(realtime.jobs.length).toBeGreaterThan(0)
  expect(batch.jobs.length).toBeGreaterThan(0)
  expect(new Set(realtime.jobs.map((j) => j.jobType))).toEqual(new Set(['REAL_TIME']))
  expect(new Set(batch.jobs.map((j) => j.jobType))).toEqual(new Set(['BATCH']))
  const page = (await client.dataarts.listJobs({ jobType: 'BATCH', limit: 1, offset: 1 })).data
  expect(page.jobs.map((j) => j.name)).toEqual([batch.jobs[1]!.name])
  expect(page.total).toBe(batch.total)
  const rt = realtime.jobs[0]!
  expect((await client.dataarts.getJob(rt.name)).data).toMatchObject({
    name: rt.name,
    processType: 'REAL_TIME',
  })
  const status = (await client.dataarts.getRealtimeJobStatus(rt.name)).data
  expect(status.status).toBe(rt.status)
  expect(status.nodes.every((n) => 'lastInstanceStatus' in n)).toBe(true)
})

test('real-time job stop: NORMAL → STOPPING → STOPPED under the manual clock', async () => {
  const { client, sim } = simSetup('password')
  const jobs = (await client.dataarts.listJobs({ jobType: 'REAL_TIME', limit: 100 })).data.jobs
  const running = jobs.find((j) => j.status === 'NORMAL')!
  expect((await client.dataarts.stopJob(running.name)).status).toBe(204)
  expect((await client.dataarts.getRealtimeJobStatus(running.name)).data.status).toBe('STOPPING')
  sim.control.advance(60_000)
  expect((await client.dataarts.getRealtimeJobStatus(running.name)).data.status).toBe('STOPPED')
})

test('batch job stop turns the schedule off; unknown job is DLF.0100', async () => {
  const { client } = simSetup('aksk')
  const scheduling = (
    await client.dataarts.listJobs({ jobType: 'BATCH', limit: 100 })
  ).data.jobs.find((j) => j.status === 'SCHEDULING')!
  await client.dataarts.stopJob(scheduling.name)
  const after = (
    await client.dataarts.listJobs({ jobType: 'BATCH', jobName: scheduling.name, limit: 100 })
  ).data.jobs.find((j) => j.name === scheduling.name)
  expect(after?.status).toBe('STOPPED')
  const error = await cloudError(client.dataarts.stopJob('no_such_job'))
  expect(error).toMatchObject({
    kind: 'http',
    status: 400,
    code: 'DLF.0100',
    message: 'The job does not exists.',
    service: 'dataarts',
  })
})

test('job instances: list, detail, stop a running one, unknown is DLF.0137', async () => {
  const { client, sim } = simSetup('aksk')
  const running = (await client.dataarts.listJobInstances({ status: 'running', limit: 100 })).data
    .instances
  expect(running.length).toBeGreaterThan(0)
  const inst = running[0]!
  expect(typeof inst.instanceId).toBe('string')
  const detail = (await client.dataarts.getJobInstance(inst.jobName!, inst.instanceId)).data
  expect(detail).toMatchObject({ instanceId: inst.instanceId, status: 'running' })
  expect((await client.dataarts.stopJobInstance(inst.jobName!, inst.instanceId)).status).toBe(204)
  sim.control.advance(60_000)
  expect((await client.dataarts.getJobInstance(inst.jobName!, inst.instanceId)).data.status).toBe(
    'manual-stop',
  )
  expect(await cloudError(client.dataarts.getJobInstance(inst.jobName!, '1'))).toMatchObject({
    status: 400,
    code: 'DLF.0137',
  })
  expect(await cloudError(client.dataarts.stopJobInstance(inst.jobName!, '1'))).toMatchObject({
    status: 400,
    code: 'DLF.0137',
  })
})

test('delete a job, then it is gone', async () => {
  const { client } = simSetup('aksk')
  const job = (await client.dataarts.listJobs({ jobType: 'BATCH', limit: 1 })).data.jobs[0]!
  expect((await client.dataarts.deleteJob(job.name)).status).toBe(204)
  expect(await cloudError(client.dataarts.getJob(job.name))).toMatchObject({ code: 'DLF.0100' })
})

test('scripts: list, execute → instance id → LAUNCHING/RUNNING → stop; unknown script DLF.6201, unknown instance DLF.6205', async () => {
  const { client, sim } = simSetup('password')
  const scripts = (await client.dataarts.listScripts({ limit: 100 })).data
  expect(scripts.total).toBeGreaterThan(0)
  const script = scripts.scripts[0]!
  const { data } = await client.dataarts.executeScript(script.name, {
    params: { day: '2026-01-01' },
  })
  expect(data.instanceId).toMatch(/\S/)
  expect(['LAUNCHING', 'RUNNING']).toContain(
    (await client.dataarts.getScriptInstance(script.name, data.instanceId)).data.status,
  )
  expect((await client.dataarts.stopScriptInstance(script.name, data.instanceId)).status).toBe(204)
  sim.control.advance(60_000)
  expect((await client.dataarts.getScriptInstance(script.name, data.instanceId)).data.status).toBe(
    'FAILED',
  )
  expect(await cloudError(client.dataarts.executeScript('no_such_script'))).toMatchObject({
    status: 400,
    code: 'DLF.6201',
  })
  expect(await cloudError(client.dataarts.stopScriptInstance(script.name, 'nope'))).toMatchObject({
    status: 400,
    code: 'DLF.6205',
  })
})

test('a finished script instance reports FINISHED with results', async () => {
  const { client, sim } = simSetup('aksk')
  const scripts = (await client.dataarts.listScripts({ limit: 100 })).data.scripts
  let finished = false
  for (const script of scripts) {
    const { instanceId } = (await client.dataarts.executeScript(script.name)).data
    sim.control.advance(10 * 60_000)
    const result = (await client.dataarts.getScriptInstance(script.name, instanceId)).data
    expect(['FINISHED', 'FAILED']).toContain(result.status)
    if (result.status === 'FINISHED') {
      expect(Array.isArray(result.results)).toBe(true)
      finished = true
      break
    }
  }
  expect(finished).toBe(true)
})
