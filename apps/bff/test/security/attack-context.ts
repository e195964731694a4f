import type { Workload, WorkloadList } from '@ops-console/contracts'
import {
  createFaultHarness,
  runningDli,
  sessionHeaders,
  type FaultHarness,
} from '../reliability/fault-harness.js'
import { TEST_ORIGIN } from '../../src/testing/test-deps.js'

export interface SendInit {
  method?: string
  headers?: Record<string, string>
  body?: string
}

/** Everything an attack case needs: the app, sessions per role, a live workload and a raw sender. */
export interface AttackContext {
  h: FaultHarness
  w: Workload
  /** A stopped DLI job (delete is allowed, so the confirmation check is reached). */
  stopped: Workload
  /** A DataArts script that exists on `target`. */
  script: string
  target: string
  /** Cookie + SPA headers of a signed-in user of that role. */
  as: Record<'viewer' | 'operator' | 'admin', Record<string, string>>
  /**
   * Sends `path` exactly as written, like @hono/node-server: the router sees the parsed URL and the
   * path guard also sees the raw request target (before any normalisation).
   */
  send(path: string, init?: SendInit): Promise<Response>
  json(path: string, body: unknown, headers: Record<string, string>): Promise<Response>
}

export async function createAttackContext(): Promise<AttackContext> {
  const h = await createFaultHarness()
  const w = await runningDli(h)
  const list = (await (
    await (
      await h.as('viewer')
    ).get(`/api/workloads/dli-flink-job?state=stopped&target=${w.target}&limit=1000`)
  ).json()) as WorkloadList
  const stopped = list.items[0]
  const cloud = h.services.cloudTargets.find((t) => t.name === w.target)
  const script = cloud
    ? (await cloud.client.dataarts.listScripts({ limit: 10 })).data.scripts.find((s) =>
        /^[A-Za-z0-9_-]+$/.test(s.name),
      )?.name
    : undefined
  if (!stopped || !script)
    throw new Error('the simulated world lacks a stopped DLI job or a script')
  const as = {
    viewer: sessionHeaders((await h.as('viewer')).jar),
    operator: sessionHeaders((await h.as('operator')).jar),
    admin: sessionHeaders((await h.as('admin')).jar),
  }
  const send = async (path: string, init: SendInit = {}) => {
    const incoming = { url: path, socket: { remoteAddress: '203.0.113.7' } }
    return h.app.request(
      path,
      {
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        ...(init.body === undefined ? {} : { body: init.body }),
      },
      { incoming },
    )
  }
  return {
    h,
    w,
    stopped,
    script,
    target: w.target,
    as,
    send,
    json: (path, body, headers) =>
      send(path, {
        method: 'POST',
        headers,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  }
}

export { TEST_ORIGIN }
