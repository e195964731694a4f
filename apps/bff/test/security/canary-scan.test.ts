import { expect, test } from 'vitest'
import { createFaultHarness } from '../reliability/fault-harness.js'
import { CANARY, findCanaries } from './canaries.js'

test('the scanner finds a canary, raw or URL-encoded', () => {
  expect(
    findCanaries(
      [{ where: 'x', text: `a=${encodeURIComponent(CANARY.password)}` }],
      [CANARY.password],
    ),
  ).toHaveLength(1)
  expect(findCanaries([{ where: 'x', text: 'nothing here' }], [CANARY.password])).toEqual([])
})

test('negative control: a harness run that logs the secret key fails its canary scan', async () => {
  const h = await createFaultHarness()
  await (await h.as('viewer')).get('/api/workloads?limit=1')
  // Logged under a key the redaction list does not know, as a careless change might.
  h.deps.log.warn({ detail: `signing with ${CANARY.sk}` }, 'debugging')
  await expect(h.close()).rejects.toThrow(/secret canaries exposed/)
})

test('negative control: a session id in a log line is caught too (the database keeps only its hash)', async () => {
  const h = await createFaultHarness()
  const b = await h.as('viewer')
  h.deps.log.info({ note: [...b.jar.values()].join(',') }, 'debugging')
  await expect(h.close()).rejects.toThrow(/secret canaries exposed/)
})
