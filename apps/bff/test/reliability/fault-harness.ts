import { createCloudSim, type CloudSim, type SimRequestRecord } from '@ops-console/cloud-sim'
import type { ActionResult, Workload, WorkloadList } from '@ops-console/contracts'
import { createTestApp } from '../../src/testing/test-app.js'
import { SAME_ORIGIN_HEADERS } from '../../src/testing/test-http.js'
import type { BffConfig } from '../../src/lib/config.js'
import { createAppServices } from '../../src/workloads/services.js'
import { SIM_ORIGIN, simTargets } from '../../src/workloads/cloud-targets.js'

export type Fetch = (input: string, init: RequestInit) => Promise<Response>

/**
 * The transport a production client gets, played by the in-process simulator: requests to the
 * simulator's loopback origin go to `sim.fetch`, anything else to the real network, and (like
 * undici) redirects are followed with the same headers unless the caller asked for `manual`.
 * So if the cloud client ever stopped refusing redirects, its credentials would really leave.
 */
export function undiciLike(sim: CloudSim): Fetch {
  const one = (url: string, init: RequestInit) => (url.startsWith(`${SIM_ORIGIN}/`) ? sim.fetch(url, init) : fetch(url, init))
  return async (input, init) => {
    let url = input
    for (let hop = 0; hop < 5; hop++) {
      const res = await one(url, init)
      const location = res.headers.get('location')
      if (init.redirect === 'manual' || res.status < 300 || res.status >= 400 || !location) return res
      url = new URL(location, url).href
    }
    throw new TypeError('fetch failed: too many redirects')
  }
}

export interface FaultHarnessOptions {
  /** 'password' exercises the IAM token provider; default AK/SK. */
  credentials?: 'aksk' | 'password'
  /** Wraps the transport (e.g. to refuse connections for one call). */
  wrapFetch?: (base: Fetch, sim: CloudSim) => Fetch
  timeoutMs?: number
  config?: Partial<BffConfig>
}

/**
 * The whole BFF in-process (createApp: sessions, roles, CSRF, ledger, workloads) configured like a
 * real deployment (targets + credentials + loopback endpoint overrides, not demo mode), whose cloud
 * is a manual-clock simulator. Reads are retried (3 attempts) so the suite also proves that
 * mutations are not.
 */
export async function createFaultHarness(opts: FaultHarnessOptions = {}) {
  const sim = createCloudSim({ clock: 'manual', stopFailureRate: 0 })
  const creds =
    opts.credentials === 'password'
      ? { CLOUD_DOMAIN: sim.defaults.user.domain, CLOUD_USER: sim.defaults.user.name, CLOUD_PASSWORD: sim.defaults.user.password }
      : { CLOUD_AK: sim.defaults.aksk.ak, CLOUD_SK: sim.defaults.aksk.sk }
  const endpoints = Object.fromEntries(['iam', 'dataarts', 'codearts', 'dli', 'modelarts'].map((s) => [`CLOUD_ENDPOINT_${s.toUpperCase()}`, `${SIM_ORIGIN}/${s}`]))
  const t = await createTestApp({
    env: { CLOUD_TARGETS: JSON.stringify(simTargets(sim)), ...creds, ...endpoints },
    config: { stopWatch: { timeoutMs: 60_000, pollMs: 5_000 }, ...opts.config },
  })
  const base = undiciLike(sim)
  const services = createAppServices(t.deps, {
    clientOverrides: {
      fetch: opts.wrapFetch ? opts.wrapFetch(base, sim) : base,
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5_000 },
      timeoutMs: opts.timeoutMs ?? 300,
    },
    sleep: (ms) => {
      sim.control.advance(ms)
      t.clock.advance(ms)
      return Promise.resolve()
    },
  })
  t.deps.services = services
  const upstream = (): SimRequestRecord[] => sim.control.requests().filter((r) => r.service !== null)
  return {
    ...t,
    sim,
    services,
    upstream,
    /** Stop/delete calls that reached the simulator (IAM token calls excluded). */
    mutations: () => upstream().filter((r) => r.method !== 'GET' && r.service !== 'iam'),
    async close() {
      await services.close()
      await t.close()
    },
  }
}
export type FaultHarness = Awaited<ReturnType<typeof createFaultHarness>>

/** A running DLI job as the list route shows it. */
export async function runningDli(h: FaultHarness): Promise<Workload> {
  const b = await h.as('viewer')
  const res = await b.get('/api/workloads/dli-flink-job?state=running&limit=1000')
  const list = (await res.json()) as WorkloadList
  const w = list.items.find((x) => x.rawStatus === 'job_running')
  if (!w) throw new Error(`no running DLI job (${res.status})`)
  return w
}

export const stopPath = (w: Pick<Workload, 'kind' | 'target' | 'id'>) => `/api/workloads/${w.kind}/${w.target}/${w.id}/stop`

/** The request headers of a signed-in SPA session, for hand-made requests (signals, timeouts). */
export function sessionHeaders(jar: Map<string, string>): Record<string, string> {
  return { ...SAME_ORIGIN_HEADERS, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }
}

export interface LedgerRow {
  type: 'intent' | 'outcome'
  intentId: string
  body: Record<string, unknown>
}

export async function ledgerRows(h: FaultHarness): Promise<LedgerRow[]> {
  const rows = await h.deps.db.selectFrom('audit_log').select(['type', 'intent_id', 'body']).orderBy('seq').execute()
  return rows.map((r) => ({ type: r.type, intentId: r.intent_id, body: JSON.parse(r.body) as Record<string, unknown> }))
}

/** The request-source outcome of the only intent in the ledger (throws when there is none). */
export async function requestOutcome(h: FaultHarness): Promise<Record<string, unknown>> {
  await h.services.workloads?.idle()
  const rows = await ledgerRows(h)
  const intents = rows.filter((r) => r.type === 'intent')
  if (intents.length !== 1) throw new Error(`expected one intent, found ${intents.length}`)
  const out = rows.find((r) => r.type === 'outcome' && r.intentId === intents[0]?.intentId && r.body.source === 'request')
  if (!out) throw new Error('the intent has no request outcome')
  return out.body
}

export type { ActionResult }
