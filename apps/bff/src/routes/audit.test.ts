import { expect, test } from 'vitest'
import type { WorkloadAuditEntry } from '@ops-console/contracts'
import { createTestApp } from '../testing/test-app.js'
import { AppError } from '../lib/errors.js'
import { intentInput, requestOutcome } from '../testing/audit-fixtures.js'

async function seeded() {
  const t = await createTestApp()
  const a = await t.deps.ledger.recordIntent(
    intentInput({
      actor: 'alice',
      workloadName: '=HYPERLINK("x")',
      reason: 'has, comma and "quotes"',
    }),
  )
  t.clock.advance(1000)
  const b = await t.deps.ledger.recordIntent(
    intentInput({ actor: 'bob', kind: 'codearts-build', action: 'workload.delete' }),
  )
  await t.deps.ledger.recordOutcome(requestOutcome(a.id, 'failure'))
  return { t, a, b }
}

test('GET /api/audit pages newest first with filters from the query string', async () => {
  const { t, a, b } = await seeded()
  const viewer = await t.as('viewer')
  const all = (await (await viewer.get('/api/audit?category=workload&limit=1')).json()) as {
    items: WorkloadAuditEntry[]
    nextCursor: string | null
  }
  expect(all.items.map((e) => e.id)).toEqual([b.id])
  expect(all.nextCursor).toBeTruthy()
  const next = (await (
    await viewer.get(`/api/audit?category=workload&limit=1&cursor=${all.nextCursor}`)
  ).json()) as {
    items: WorkloadAuditEntry[]
    nextCursor: string | null
  }
  expect(next.items.map((e) => e.id)).toEqual([a.id])
  expect(next.items[0]?.outcome).toMatchObject({ outcome: 'failure', cloudCode: 'DLI.0001' })
  expect(next.nextCursor).toBeNull()
  const pending = (await (await viewer.get('/api/audit?outcome=pending')).json()) as {
    items: WorkloadAuditEntry[]
  }
  expect(pending.items.map((e) => e.id)).toEqual([b.id])
  await t.close()
})

test('invalid audit queries and cursors answer VALIDATION_FAILED', async () => {
  const { t } = await seeded()
  const viewer = await t.as('viewer')
  for (const q of ['limit=0', 'limit=501', 'outcome=maybe', 'from=yesterday', 'cursor=%21%21']) {
    const res = await viewer.get(`/api/audit?${q}`)
    expect([q, res.status]).toEqual([q, 400])
    expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
  }
  await t.close()
})

test('admins export CSV with formula-safe, quoted cells and JSON with the same filters', async () => {
  const { t, a } = await seeded()
  const admin = await t.as('admin')
  const csv = await admin.get('/api/audit/export?format=csv&actor=alice')
  expect(csv.status).toBe(200)
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
  expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-.*\.csv"$/)
  const lines = (await csv.text()).trim().split('\r\n')
  expect(lines).toHaveLength(2)
  expect(lines[0]).toMatch(/^at,id,action,actor,/)
  expect(lines[1]).toContain(`,${a.id},workload.stop,alice,`)
  expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`)
  expect(lines[1]).toContain('"has, comma and ""quotes"""')
  expect(lines[1]).toContain(',failure,')
  const json = await admin.get('/api/audit/export?format=json&kind=codearts-build')
  const items = (await json.json()) as WorkloadAuditEntry[]
  expect(items.map((e) => e.actor)).toEqual(['bob'])
  await t.close()
})

test('the export streams every page: 1,201 entries arrive complete as JSON and CSV', async () => {
  const t = await createTestApp()
  for (let i = 0; i < 1201; i++) {
    await t.deps.ledger.recordIntent(intentInput({ workloadId: `w${i}` }))
  }
  const admin = await t.as('admin')
  const json = (await (
    await admin.get('/api/audit/export?format=json&category=workload')
  ).json()) as WorkloadAuditEntry[]
  expect(json).toHaveLength(1201)
  expect(new Set(json.map((e) => e.workloadId)).size).toBe(1201)
  const csv = await (await admin.get('/api/audit/export?format=csv&category=workload')).text()
  expect(csv.trim().split('\r\n')).toHaveLength(1202)
  await t.close()
}, 30_000)

test('an export whose first page fails is an error envelope, not a truncated 200', async () => {
  const t = await createTestApp()
  const admin = await t.as('admin')
  // The ledger's export reads its first page before yielding; make that read fail.
  t.deps.ledger = {
    ...t.deps.ledger,
    // eslint-disable-next-line require-yield -- fails before the first chunk, like a dead database
    export: async function* () {
      await Promise.resolve()
      throw new AppError('AUDIT_UNAVAILABLE', 'the audit log cannot be read')
    },
  }
  const res = await admin.get('/api/audit/export?format=json&category=workload')
  expect(res.status).toBe(503)
  expect(await res.json()).toMatchObject({ error: { code: 'AUDIT_UNAVAILABLE' } })
  await t.close()
})
