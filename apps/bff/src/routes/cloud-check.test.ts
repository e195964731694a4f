import { expect, onTestFinished, test } from 'vitest'
import { CloudCheckReport } from '@ops-console/contracts'
import { createRouteHarness } from '../workloads/testing/route-harness.js'
import { CLOUD_CHECK_REUSE_MS } from './cloud-check.js'

async function harness() {
  const h = await createRouteHarness()
  onTestFinished(() => h.close())
  return h
}

test('admins get the connection check of every target, in the documented shape, without secrets', async () => {
  const h = await harness()
  const res = await (await h.as('admin')).get('/api/cloud-check')
  expect(res.status).toBe(200)
  const report = CloudCheckReport.parse(await res.json())
  expect(report.targets.map((t) => t.target)).toEqual(h.services.targets.map((t) => t.name))
  expect(report.targets.flatMap((t) => t.services.map((s) => s.outcome))).toEqual(
    report.targets.flatMap(() => ['ok', 'ok', 'ok', 'ok', 'ok']),
  )
  const text = JSON.stringify(report)
  expect(text).not.toContain(h.sim.defaults.aksk.sk)
  expect(text).not.toMatch(/Signature=|SDK-HMAC/)
})

test('operators and viewers are refused, anonymous callers too', async () => {
  const h = await harness()
  expect((await (await h.as('operator')).get('/api/cloud-check')).status).toBe(403)
  expect((await (await h.as('viewer')).get('/api/cloud-check')).status).toBe(403)
  expect((await h.browser().get('/api/cloud-check')).status).toBe(401)
})

test('a check is reused for 30 s: repeated clicks do not sign more calls upstream', async () => {
  const h = await harness()
  const admin = await h.as('admin')
  const first = CloudCheckReport.parse(await (await admin.get('/api/cloud-check')).json())
  const calls = h.upstream().length
  const again = CloudCheckReport.parse(await (await admin.get('/api/cloud-check')).json())
  expect(again.checkedAt).toBe(first.checkedAt)
  expect(h.upstream()).toHaveLength(calls)
  h.clock.advance(CLOUD_CHECK_REUSE_MS)
  const later = CloudCheckReport.parse(await (await admin.get('/api/cloud-check')).json())
  expect(later.checkedAt).not.toBe(first.checkedAt)
  expect(h.upstream().length).toBeGreaterThan(calls)
})
