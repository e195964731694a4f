import type { SimFault, SimRequestRecord } from '@ops-console/cloud-sim'
import type { WorkloadKind } from '@ops-console/contracts'

/** The standalone simulator's control API (`/__sim`). */
export function simControl(simUrl: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${simUrl}/__sim${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    })
    if (!res.ok) throw new Error(`sim control ${method} ${path}: ${res.status}`)
    return res
  }
  return {
    injectFault: async (fault: SimFault) => void (await call('POST', '/faults', fault)),
    clearFaults: async () => void (await call('DELETE', '/faults')),
    clearRequests: async () => void (await call('DELETE', '/requests')),
    requests: async () =>
      ((await (await call('GET', '/requests')).json()) as { requests: SimRequestRecord[] })
        .requests,
  }
}

// Stop paths below each service prefix (cloud-api.md); the captures give the workload id.
const STOP_PATHS: {
  service: string
  kind: WorkloadKind
  re: RegExp
  id: (m: RegExpExecArray, r: SimRequestRecord) => string[]
}[] = [
  {
    service: 'dli',
    kind: 'dli-flink-job',
    re: /^\/v1\.0\/([^/]+)\/streaming\/jobs\/stop$/,
    id: (_m, r) => [...r.bodyExcerpt.matchAll(/\d{6,}/g)].map((x) => x[0]),
  },
  {
    service: 'dataarts',
    kind: 'dataarts-script-instance',
    re: /^\/v1\/([^/]+)\/scripts\/([^/]+)\/instances\/([^/]+)\/stop$/,
    id: (m) => [`${m[2]}:${m[3]}`],
  },
  {
    service: 'dataarts',
    kind: 'dataarts-job',
    re: /^\/v1\/([^/]+)\/jobs\/([^/]+)\/stop$/,
    id: (m) => [decodeURIComponent(m[2] ?? '')],
  },
  {
    service: 'modelarts',
    kind: 'modelarts-processor-version',
    re: /^\/v2\/([^/]+)\/processor-tasks\/([^/]+)\/versions\/([^/]+)\/stop$/,
    id: (m) => [`${m[2]}:${m[3]}`],
  },
  {
    service: 'codearts',
    kind: 'codearts-build',
    re: /^\/v1\/job\/([^/]+)\/stop$/,
    id: (m, r) => [`${m[1]}:${/\d+/.exec(r.bodyExcerpt)?.[0] ?? '?'}`],
  },
]

export interface StopCall {
  kind: WorkloadKind
  /** Project id (DLI, DataArts, ModelArts) or null when the path has none (CodeArts). */
  projectId: string | null
  id: string
}

/** Non-GET calls (other than IAM) that are not stop calls: must stay empty, or `stopCalls` is blind to something. */
export function unrecognisedMutations(records: SimRequestRecord[]): SimRequestRecord[] {
  return records.filter(
    (r) => r.method !== 'GET' && r.service !== 'iam' && stopCalls([r]).length === 0,
  )
}

/** The stop calls among the simulator's request records (one entry per workload named in a call). */
export function stopCalls(records: SimRequestRecord[]): StopCall[] {
  const out: StopCall[] = []
  for (const r of records) {
    if (r.method !== 'POST') continue
    for (const p of STOP_PATHS) {
      const m = r.service === p.service ? p.re.exec(r.path) : null
      if (!m) continue
      for (const id of p.id(m, r))
        out.push({ kind: p.kind, projectId: p.service === 'codearts' ? null : (m[1] ?? null), id })
      break
    }
  }
  return out
}
