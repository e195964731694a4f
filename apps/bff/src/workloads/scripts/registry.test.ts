import { expect, test } from 'vitest'
import { createTestDb, DIALECTS } from '../../testing/test-db.js'
import { createScriptRegistry } from './registry.js'

const key = { target: 'cn-north-4', scriptName: 'daily_sql', instanceId: 'abc123' }

for (const dialect of DIALECTS) {
  test(`[${dialect}] registering the same instance twice keeps one row and the first registrant`, async () => {
    const db = await createTestDb(dialect)
    const reg = createScriptRegistry(db.db)
    await reg.register(key, 'alice', '2026-01-01T00:00:00.000Z', 'RUNNING')
    const again = await reg.register(key, 'bob', '2026-01-02T00:00:00.000Z', null)
    expect(again.registered_by).toBe('alice')
    expect(await reg.list()).toHaveLength(1)
    await db.close()
  })

  test(`[${dialect}] status and stop marks are stored per instance; list filters by target, newest first`, async () => {
    const db = await createTestDb(dialect)
    const reg = createScriptRegistry(db.db)
    await reg.register(key, 'alice', '2026-01-01T00:00:00.000Z', null)
    await reg.register({ ...key, target: 'other' }, 'alice', '2026-01-01T00:00:01.000Z', null)
    await reg.register({ ...key, instanceId: 'later' }, 'alice', '2026-01-01T00:00:02.000Z', null)
    await reg.recordStatus(key, 'FAILED', '2026-01-01T00:01:00.000Z')
    await reg.markStopRequested(key, '2026-01-01T00:00:30.000Z')
    expect(await reg.get(key)).toMatchObject({
      last_status: 'FAILED',
      last_checked_at: '2026-01-01T00:01:00.000Z',
      stop_requested_at: '2026-01-01T00:00:30.000Z',
    })
    expect((await reg.list('other')).map((r) => r.target)).toEqual(['other'])
    expect((await reg.list('cn-north-4')).map((r) => r.instance_id)).toEqual(['later', 'abc123'])
    expect(await reg.get({ ...key, instanceId: 'nope' })).toBeNull()
    await db.close()
  })
}
