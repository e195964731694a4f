import type { DialectName } from '../../src/db/dialect.js'
import { createCloudSim, type CloudSim, type SimRequestRecord } from '@ops-console/cloud-sim'
import type { ActionResult, Workload, WorkloadList } from '@ops-console/contracts'
import { createTestApp } from '../../src/testing/test-app.js'
import { SAME_ORIGIN_HEADERS } from '../../src/testing/test-http.js'
import type { BffConfig } from '../../src/lib/config.js'
import { createAppServices } from '../../src/workloads/services.js'
import { SIM_ORIGIN, simTargets } from '../../src/workloads/cloud-targets.js'
import { PASSWORD } from '../../src/testing/test-app.js'
import { CANARY, dumpDatabase, findCanaries, scanned } from '../security/canaries.js'

export type Fetch = (input: string, init: RequestInit) => Promise<Response>

/**
 * The transport a production client gets, played by the in-process simulator: requests to the
 * simulator's loopback origin go to `sim.fetch`, anything else to the real network, and (like
 * undici) redirects are followed with the same headers unless the caller asked for `manual`.
 * So if the cloud client ever stopped refusing redirects, its credentials would really leave.
 */
export function undiciLike(sim: CloudSim): Fetch {
  const one = (url: string, init: RequestInit) =>
    url.startsWith(`${SIM_ORIGIN}/`) ? sim.fetch(url, init) : fetch(url, init)
  return async (input, init) => {
    let url = input
    for (let hop = 0; hop < 5; hop++) {
      const res = await one(url, init)
      const location = res.headers.get('location')
      if (init.redirect === 'manual' || res.status < 300 || res.status >= 400 || !location)
        return res
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
  /** Pin the database dialect (default: the suite's TEST_DIALECT). */
  dialect?: DialectName
}

/**
 * The whole BFF in-process (createApp: sessions, roles, CSRF, ledger, workloads) configured like a
 * real deployment (targets + credentials + loopback endpoint overrides, not demo mode), whose cloud
 * is a manual-clock simulator. Reads are retried (3 attempts) so the suite also proves that
 * mutations are not.
 */
export async function createFaultHarness(opts: FaultHarnessOptions = {}) {
  const sim = createCloudSim({
    clock: 'manual',
    stopFailureRate: 0,
    users: [{ domain: CANARY.domain, name: CANARY.user, password: CANARY.password }],
    akskPairs: [{ ak: CANARY.ak, sk: CANARY.sk }],
  })
  const creds =
    opts.credentials === 'password'
      ? {
          CLOUD_DOMAIN: sim.defaults.user.domain,
          CLOUD_USER: sim.defaults.user.name,
          CLOUD_PASSWORD: sim.defaults.user.password,
        }
      : { CLOUD_AK: sim.defaults.aksk.ak, CLOUD_SK: sim.defaults.aksk.sk }
  const endpoints = Object.fromEntries(
    ['iam', 'dataarts', 'codearts', 'dli', 'modelarts'].map((s) => [
      `CLOUD_ENDPOINT_${s.toUpperCase()}`,
      `${SIM_ORIGIN}/${s}`,
    ]),
  )
  const t = await createTestApp({
    ...(opts.dialect ? { dialect: opts.dialect } : {}),
    env: { CLOUD_TARGETS: JSON.stringify(simTargets(sim)), ...creds, ...endpoints },
    config: { stopWatch: { timeoutMs: 60_000, pollMs: 5_000 }, ...opts.config },
  })
  // IAM tokens the cloud hands out are canaries too.
  const tokens = new Set<string>()
  const viaSim = undiciLike(sim)
  const base: Fetch = async (url, init) => {
    const res = await viaSim(url, init)
    const token = res.headers.get('x-subject-token')
    if (token) tokens.add(token)
    return res
  }
  const seen = recordResponses(t.app)
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
  const upstream = (): SimRequestRecord[] =>
    sim.control.requests().filter((r) => r.service !== null)
  return {
    ...t,
    sim,
    services,
    upstream,
    /** Stop/delete calls that reached the simulator (IAM token calls excluded). */
    mutations: () => upstream().filter((r) => r.method !== 'GET' && r.service !== 'iam'),
    /** Fails the test when any canary shows up in a response, a log line or a database row. */
    async close() {
      await services.close()
      try {
        const sessionIds = seen.sessionIds
        const secrets = [CANARY.ak, CANARY.sk, CANARY.password, PASSWORD, ...tokens]
        const responses = await seen.texts()
        scanned.responses += responses.length
        scanned.logLines += t.logLines.length
        const logs = t.logLines.map((text, i) => ({ where: `log line ${i}`, text }))
        const rows = await dumpDatabase(t.deps.db)
        const hits = [
          ...findCanaries([...responses, ...logs, ...rows], secrets),
          // Session ids belong in Set-Cookie only: never in bodies, logs or rows (the database keeps a hash).
          ...findCanaries(
            [...responses.filter((r) => !r.where.endsWith('headers')), ...logs, ...rows],
            sessionIds,
          ),
        ]
        if (hits.length > 0)
          throw new Error(`secret canaries exposed: ${JSON.stringify(hits.slice(0, 5))}`)
      } finally {
        await t.close()
      }
    },
  }
}

/** Wraps `app.request` so every response the suite receives can be scanned afterwards. */
function recordResponses(app: { request: (...args: never[]) => Response | Promise<Response> }) {
  const texts: Promise<{ where: string; text: string }[]>[] = []
  const sessionIds: string[] = []
  const original = app.request.bind(app) as (...args: unknown[]) => Promise<Response>
  Object.assign(app, {
    request: async (...args: unknown[]) => {
      const res = await original(...args)
      const where = `response ${String(args[0])}`
      const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')
      for (const c of res.headers.getSetCookie()) {
        const value = /^[^=]+=([^;]*)/.exec(c)?.[1]
        if (value) sessionIds.push(decodeURIComponent(value))
      }
      texts.push(
        res
          .clone()
          .text()
          .then(
            (body) => [
              { where: `${where} headers`, text: headers },
              { where: `${where} body`, text: body },
            ],
            () => [],
          ),
      )
      return res
    },
  })
  return { sessionIds, texts: async () => (await Promise.all(texts)).flat() }
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

export const stopPath = (w: Pick<Workload, 'kind' | 'target' | 'id'>) =>
  `/api/workloads/${w.kind}/${w.target}/${w.id}/stop`

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
  const rows = await h.deps.db
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

/** The request-source outcome of the only intent in the ledger (throws when there is none). */
export async function requestOutcome(h: FaultHarness): Promise<Record<string, unknown>> {
  await h.services.workloads?.idle()
  const rows = await ledgerRows(h)
  const intents = rows.filter((r) => r.type === 'intent')
  if (intents.length !== 1) throw new Error(`expected one intent, found ${intents.length}`)
  const out = rows.find(
    (r) =>
      r.type === 'outcome' && r.intentId === intents[0]?.intentId && r.body.source === 'request',
  )
  if (!out) throw new Error('the intent has no request outcome')
  return out.body
}

export type { ActionResult }
