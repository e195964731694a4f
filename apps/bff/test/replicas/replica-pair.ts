import { Writable } from 'node:stream'
import { createCloudSim, type CloudSim } from '@ops-console/cloud-sim'
import { ListQuery, type Role, type SessionUser, type Workload } from '@ops-console/contracts'
import { createApp } from '../../src/app.js'
import { createLedger } from '../../src/audit/ledger.js'
import { createSessionStore } from '../../src/auth/sessions.js'
import { createUserStore } from '../../src/auth/users.js'
import { createDb, type DbHandle } from '../../src/db/create-db.js'
import type { PlatformDeps } from '../../src/lib/app-env.js'
import { manualClock } from '../../src/lib/clock.js'
import { parseConfig } from '../../src/lib/config.js'
import { createLogger } from '../../src/lib/logger.js'
import { createReplicaPresence } from '../../src/lib/replica-presence.js'
import { createTestDb } from '../../src/testing/test-db.js'
import { TEST_ORIGIN } from '../../src/testing/test-deps.js'
import { browser } from '../../src/testing/test-http.js'
import { createAppServices } from '../../src/workloads/services.js'

export const PASSWORD = 'correct horse battery staple'

export function user(role: Role): SessionUser {
  return { username: role, displayName: role, role, authMethod: 'local' }
}

export interface PairOptions {
  /** Per-attempt timeout of cloud calls (a `hang` fault lasts exactly this long). */
  clientTimeoutMs?: number
}

/**
 * Two BFF replicas in one test process, wired like src/index.ts but each on its OWN Kysely/pg pool
 * over the same fresh PostgreSQL schema, with one shared in-process simulator (manual clock) so
 * both see the same cloud. Heartbeats are beaten by hand; the shared manual clock is "now".
 */
export async function createReplicaPair(opts: PairOptions = {}) {
  const testDb = await createTestDb('postgres')
  if (!testDb.url || !testDb.schema) throw new Error('expected a PostgreSQL test schema')
  const sim: CloudSim = createCloudSim({ clock: 'manual', stopFailureRate: 0 })
  const clock = manualClock()
  const config = {
    ...parseConfig({ NODE_ENV: 'test', PUBLIC_ORIGIN: TEST_ORIGIN }),
    stopWatch: { timeoutMs: 600_000, pollMs: 5_000 },
  }
  const logLines: string[] = []
  // Watchers of both replicas advance the shared clock in turn (5 s per poll each), so the watch
  // window is long enough for 16 of them to see the simulator's 3 s stop transition.
  const sleep = (ms: number) => {
    sim.control.advance(ms)
    clock.advance(ms)
    return Promise.resolve()
  }

  const build = async (name: string, handle: DbHandle) => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        logLines.push(`${name} ${chunk.toString('utf8')}`)
        cb()
      },
    })
    const log = createLogger({ level: 'debug', stream })
    const replica = createReplicaPresence({
      db: handle.db,
      dialect: handle.dialect,
      clock,
      log,
      id: name,
      heartbeatMs: 0,
      ...(handle.newClient ? { newClient: handle.newClient } : {}),
    })
    const platform: PlatformDeps = {
      config,
      db: handle.db,
      dialect: handle.dialect,
      replica,
      ledger: createLedger(handle.db, clock, { replica }),
      sessions: createSessionStore(handle.db, clock, config.session),
      users: createUserStore(handle.db, clock),
      clock,
      log,
    }
    const services = createAppServices(platform, {
      sim,
      clientOverrides: {
        retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
        timeoutMs: opts.clientTimeoutMs ?? 2_000,
      },
      sleep,
    })
    const app = createApp({ ...platform, services })
    await replica.start()
    return { name, app, platform, replica, services, handle, browser: () => browser(app) }
  }

  const a = await build('replica-a', testDb)
  const b = await build(
    'replica-b',
    createDb(
      { database: { url: testDb.url, sqlitePath: ':memory:' } },
      { pgSchema: testDb.schema },
    ),
  )
  for (const role of ['viewer', 'operator', 'admin'] as const)
    await a.platform.users.create({ username: role, role, password: PASSWORD })
  const target = a.services.cloudTargets[0]?.name
  if (!target) throw new Error('the simulator has no projects')

  return {
    a,
    b,
    sim,
    clock,
    target,
    logLines,
    /** Every ledger row in seq order, bodies parsed (read through replica A's pool). */
    async auditRows() {
      const rows = await a.handle.db
        .selectFrom('audit_log')
        .select(['seq', 'type', 'intent_id', 'body'])
        .orderBy('seq')
        .execute()
      return rows.map((r) => ({
        seq: Number(r.seq),
        type: r.type,
        intentId: r.intent_id,
        body: JSON.parse(r.body) as Record<string, unknown>,
      }))
    },
    async close() {
      await Promise.all([a.services.close(), b.services.close()])
      await Promise.all([a.replica.stop(), b.replica.stop()])
      await b.handle.close()
      await testDb.close()
    },
  }
}

export type ReplicaPair = Awaited<ReturnType<typeof createReplicaPair>>
export type Replica = ReplicaPair['a']

/** Running DLI jobs an operator may stop now (not protected, no savepoint being written). */
export async function stoppableDliJobs(p: ReplicaPair, n: number): Promise<Workload[]> {
  const list = await p.a.services.workloads.list(
    user('operator'),
    'dli-flink-job',
    ListQuery.parse({ limit: 5000 }),
  )
  const jobs = list.items.filter((w) => w.state === 'running' && w.actions.stop.allowed).slice(0, n)
  if (jobs.length < n) throw new Error(`only ${jobs.length} stoppable DLI jobs`)
  return jobs
}
