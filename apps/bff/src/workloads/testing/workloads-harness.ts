import type { ResilienceOptions } from '@ops-console/cloud-client'
import { createCloudSim, type CloudSim, type SimOptions } from '@ops-console/cloud-sim'
import type { Role, SessionUser } from '@ops-console/contracts'
import { createTestContext, type TestContext } from '../../testing/test-deps.js'
import type { BffConfig } from '../../lib/config.js'
import { createAppServices } from '../services.js'
import type { RequestMeta } from '../action-core.js'
import type { CloudTarget } from '../types.js'

export const META: RequestMeta = {
  requestId: 'req-test',
  sourceIp: '10.0.0.9',
  userAgent: 'vitest',
}

export function user(role: Role): SessionUser {
  return { username: role, displayName: role, role, authMethod: 'local' }
}

export interface Harness {
  sim: CloudSim
  ctx: TestContext
  services: ReturnType<typeof createAppServices>
  /** Target name of the first simulated project. */
  target: string
  /** The cloud target (with its client) of the first simulated project. */
  cloud: CloudTarget
  /** Cloud requests the simulator saw (control API excluded). */
  upstream(): ReturnType<CloudSim['control']['requests']>
  close(): Promise<void>
}

/**
 * In-process world: a manual-clock simulator, the platform's real ledger on a fresh SQLite
 * database, and the workloads services wired like production (no ports).
 */
export async function createHarness(
  opts: {
    sim?: SimOptions
    config?: Partial<BffConfig>
    sleep?: (ms: number) => Promise<void>
    sourceTimeoutMs?: number
    clientTimeoutMs?: number
    resilience?: ResilienceOptions
    /** Freshness of cached listings on the test clock (default: production's 2 s). */
    listCacheTtlMs?: number
  } = {},
): Promise<Harness> {
  const sim = createCloudSim({ clock: 'manual', stopFailureRate: 0, ...opts.sim })
  const ctx = await createTestContext({
    config: { stopWatch: { timeoutMs: 60_000, pollMs: 5_000 }, ...opts.config },
  })
  // No retries and short timeouts keep fault tests fast and make every upstream request countable.
  const services = createAppServices(ctx.deps, {
    sim,
    clientOverrides: {
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      timeoutMs: opts.clientTimeoutMs ?? 2_000,
    },
    ...(opts.sourceTimeoutMs ? { sourceTimeoutMs: opts.sourceTimeoutMs } : {}),
    ...(opts.resilience ? { resilienceOptions: opts.resilience } : {}),
    ...(opts.listCacheTtlMs === undefined ? {} : { listCacheTtlMs: opts.listCacheTtlMs }),
    sleep:
      opts.sleep ??
      ((ms) => {
        sim.control.advance(ms)
        ctx.clock.advance(ms)
        return Promise.resolve()
      }),
  })
  ctx.deps.services = services
  const first = services.cloudTargets[0]
  if (!first) throw new Error('the simulator has no projects')
  return {
    sim,
    ctx,
    services,
    target: first.name,
    cloud: first,
    upstream: () => sim.control.requests().filter((r) => r.service !== null),
    async close() {
      await services.close()
      await ctx.close()
    },
  }
}

export interface AuditRow {
  type: 'intent' | 'outcome'
  intentId: string
  body: Record<string, unknown>
}

/** Every ledger row in order, bodies parsed: tests assert intents and outcomes from the real ledger. */
export async function auditTrail(h: Harness): Promise<AuditRow[]> {
  const rows = await h.ctx.deps.db
    .selectFrom('audit_log')
    .select(['type', 'intent_id', 'body'])
    // Workload intents and outcomes only: sign-ins are account events in the same chain.
    .where('type', '!=', 'event')
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({
    type: r.type as 'intent' | 'outcome',
    intentId: r.intent_id,
    body: JSON.parse(r.body) as Record<string, unknown>,
  }))
}

/** The outcome rows of one intent, oldest first. */
export async function outcomesOf(h: Harness, intentId: string): Promise<Record<string, unknown>[]> {
  return (await auditTrail(h))
    .filter((r) => r.type === 'outcome' && r.intentId === intentId)
    .map((r) => r.body)
}
