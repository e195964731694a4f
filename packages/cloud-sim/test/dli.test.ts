import { expect, test } from 'vitest'
import { parseJson } from '@ops-console/lossless-json'
import { getJson, manualSim, projectOf, tokenFor } from './helpers.js'
import type { CloudSim } from '../src/index.js'

const BIG = '9007199254740993'

async function setup(
  o: Parameters<typeof manualSim>[0] = {},
): Promise<{ sim: CloudSim; token: string; base: string }> {
  const sim = manualSim(o)
  const p = projectOf(sim)
  return {
    sim,
    token: await tokenFor(sim, { region: p.region }),
    base: `/dli/v1.0/${p.id}/streaming/jobs`,
  }
}

const post = (body: string) => ({
  method: 'POST',
  body,
  headers: { 'content-type': 'application/json' },
})

async function statusOf(sim: CloudSim, token: string, base: string, id: string): Promise<string> {
  const r = await getJson(sim, `${base}/${id}`, token)
  return (r.body as { job_detail: { status: string } }).job_detail.status
}

test('list: job_list.total_count, string is_success, paging and filters', async () => {
  const { sim, token, base } = await setup()
  const page = await getJson(sim, `${base}?limit=5&offset=5&order=asc`, token)
  expect(page.status).toBe(200)
  const body = page.body as {
    is_success: string
    job_list: { total_count: number; jobs: { create_time: number }[] }
  }
  expect(body.is_success).toBe('true')
  expect(body.job_list.total_count).toBe(30)
  expect(body.job_list.jobs).toHaveLength(5)
  const times = body.job_list.jobs.map((j) => j.create_time)
  expect([...times].sort((a, b) => a - b)).toEqual(times)
  const running = await getJson(sim, `${base}?status=job_running&limit=100`, token)
  const jobs = (running.body as typeof body).job_list.jobs as unknown as { status: string }[]
  expect(jobs.length).toBeGreaterThan(0)
  expect(jobs.every((j) => j.status === 'job_running')).toBe(true)
  expect((await getJson(sim, `${base}?offset=-1`, token)).body).toMatchObject({
    error_code: 'DLI.23001',
  })
})

test('every documented DLI status is present', async () => {
  const { sim, token, base } = await setup()
  const all = await getJson(sim, `${base}?limit=100`, token)
  const statuses = new Set(
    (all.body as { job_list: { jobs: { status: string }[] } }).job_list.jobs.map((j) => j.status),
  )
  expect(statuses.size).toBe(14)
})

test('ids above 2^53 are raw JSON number literals and round-trip exactly', async () => {
  const { sim, token, base } = await setup()
  const detail = await getJson(sim, `${base}/${BIG}`, token)
  expect(detail.status).toBe(200)
  expect(detail.text).toContain(`"job_id":${BIG}`)
  const parsed = parseJson(detail.text) as { job_detail: { job_id: string } }
  expect(parsed.job_detail.job_id).toBe(BIG)
  // The client sends the id as a bare number; 9007199254740992 (its double neighbour) must not match.
  expect((await getJson(sim, `${base}/9007199254740992`, token)).body).toMatchObject({
    error_code: 'DLI.16001',
  })
  const stop = await getJson(sim, `${base}/stop`, token, post(`{"job_ids":[${BIG}]}`))
  expect(stop.status).toBe(200)
  expect(await statusOf(sim, token, base, BIG)).toBe('job_canceling')
})

test('stop: job_canceling then job_cancel_success after stopDelayMs; second stop is DLI.15002', async () => {
  const { sim, token, base } = await setup({ stopDelayMs: 3000 })
  const stop = await getJson(
    sim,
    `${base}/stop`,
    token,
    post(`{"job_ids":[${BIG}],"trigger_savepoint":false}`),
  )
  expect(stop.body).toEqual([
    { is_success: 'true', message: 'The request for stopping DLI jobs is successfully delivered.' },
  ])
  sim.control.advance(2999)
  expect(await statusOf(sim, token, base, BIG)).toBe('job_canceling')
  sim.control.advance(1)
  expect(await statusOf(sim, token, base, BIG)).toBe('job_cancel_success')
  const again = await getJson(sim, `${base}/stop`, token, post(`{"job_ids":[${BIG}]}`))
  expect(again.status).toBe(400)
  expect((again.body as { error_code: string }[])[0]?.error_code).toBe('DLI.15002')
})

test('stop with trigger_savepoint passes through job_savepointing; forced failure ends job_cancel_fail', async () => {
  const { sim, token, base } = await setup({ stopDelayMs: 4000 })
  sim.control.forceStopFailure('dli', BIG)
  await getJson(sim, `${base}/stop`, token, post(`{"job_ids":[${BIG}],"trigger_savepoint":true}`))
  expect(await statusOf(sim, token, base, BIG)).toBe('job_savepointing')
  sim.control.advance(2000)
  expect(await statusOf(sim, token, base, BIG)).toBe('job_canceling')
  sim.control.advance(2000)
  expect(await statusOf(sim, token, base, BIG)).toBe('job_cancel_fail')
  // A stop may be retried from job_cancel_fail, and without forcing it succeeds.
  await getJson(sim, `${base}/stop`, token, post(`{"job_ids":[${BIG}]}`))
  sim.control.advance(4000)
  expect(await statusOf(sim, token, base, BIG)).toBe('job_cancel_success')
})

test('stopFailureRate 1 fails every stop', async () => {
  const { sim, token, base } = await setup({ stopFailureRate: 1, stopDelayMs: 10 })
  await getJson(sim, `${base}/stop`, token, post(`{"job_ids":[${BIG}]}`))
  sim.control.advance(10)
  expect(await statusOf(sim, token, base, BIG)).toBe('job_cancel_fail')
})

test('delete one: 200 body; unknown id 400 DLI.17001; deleted job is gone', async () => {
  const { sim, token, base } = await setup()
  const del = await getJson(sim, `${base}/${BIG}`, token, { method: 'DELETE' })
  expect(del.status).toBe(200)
  expect(del.body).toEqual({ is_success: 'true', message: 'The job is deleted successfully.' })
  expect((await getJson(sim, `${base}/${BIG}`, token)).body).toMatchObject({
    error_code: 'DLI.16001',
  })
  const again = await getJson(sim, `${base}/${BIG}`, token, { method: 'DELETE' })
  expect(again.status).toBe(400)
  expect(again.body).toMatchObject({ error_code: 'DLI.17001' })
})

test('batch delete returns a mixed array with 400 when some ids are unknown', async () => {
  const { sim, token, base } = await setup()
  const res = await getJson(sim, `${base}/delete`, token, post(`{"job_ids":[100000, 1]}`))
  expect(res.status).toBe(400)
  expect(res.body).toEqual([
    { is_success: 'true', message: 'The job is deleted successfully.' },
    { error_code: 'DLI.17001', error_msg: 'The job 1 does not exist.' },
  ])
  expect((await getJson(sim, `${base}?limit=100`, token)).body).toMatchObject({
    job_list: { total_count: 29 },
  })
})

test('batch run restarts a stopped job via job_submitting', async () => {
  const { sim, token, base } = await setup({ stopDelayMs: 1000 })
  await getJson(sim, `${base}/stop`, token, post(`{"job_ids":["${BIG}"]}`))
  sim.control.advance(1000)
  const run = await getJson(sim, `${base}/run`, token, post(`{"job_ids":[${BIG}]}`))
  expect(run.status).toBe(200)
  expect(await statusOf(sim, token, base, BIG)).toBe('job_submitting')
  sim.control.advance(1000)
  expect(await statusOf(sim, token, base, BIG)).toBe('job_running')
  expect((await getJson(sim, `${base}/run`, token, post('{"job_ids":[424242]}'))).body).toEqual([
    { error_code: 'DLI.13007', error_msg: 'The job 424242 does not exist.' },
  ])
  expect((await getJson(sim, `${base}/stop`, token, post('{"job_ids":"x"}'))).body).toMatchObject({
    error_code: 'DLI.0001',
  })
})
