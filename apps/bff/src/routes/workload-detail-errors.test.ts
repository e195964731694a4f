import { expect, onTestFinished, test } from 'vitest'
import type { FaultKind } from '@ops-console/cloud-sim'
import type { ScriptInstanceResult, WorkloadKind, WorkloadList } from '@ops-console/contracts'
import { createRouteHarness } from '../workloads/testing/route-harness.js'

type Harness = Awaited<ReturnType<typeof createRouteHarness>>

const SERVICE: Record<WorkloadKind, 'dataarts' | 'codearts' | 'dli' | 'modelarts'> = {
  'dataarts-job': 'dataarts',
  'dataarts-script-instance': 'dataarts',
  'codearts-build': 'codearts',
  'dli-flink-job': 'dli',
  'modelarts-processor-version': 'modelarts',
}

/** One existing workload of `kind` (a script instance is started first: the cloud cannot list them). */
async function someId(h: Harness, kind: WorkloadKind): Promise<string> {
  if (kind === 'dataarts-script-instance') {
    const client = h.services.cloudTargets.find((t) => t.name === h.target)?.client
    const { data } = (await client?.dataarts.listScripts({ limit: 100 })) ?? {
      data: { scripts: [] },
    }
    const name = data.scripts.find((s) => s.name.includes('_query_'))?.name
    const res = await (
      await h.as('operator')
    ).post(`/api/scripts/${h.target}/${name}/execute`, { reason: 'detail errors' })
    return ((await res.json()) as ScriptInstanceResult).instance.id
  }
  const list = (await (
    await (await h.as('viewer')).get(`/api/workloads/${kind}?target=${h.target}&limit=1`)
  ).json()) as WorkloadList
  const id = list.items[0]?.id
  if (!id) throw new Error(`no ${kind} in the simulated world`)
  return id
}

// Failures of the cloud, not verdicts on the workload: each must stay an UPSTREAM_* answer.
const FAULTS: { fault: { kind: FaultKind; status?: number }; status: number; code: string }[] = [
  { fault: { kind: 'status', status: 500 }, status: 503, code: 'UPSTREAM_UNAVAILABLE' },
  { fault: { kind: 'status', status: 503 }, status: 503, code: 'UPSTREAM_UNAVAILABLE' },
  // A 404 without a documented not-found code (gateway, proxy, wrong endpoint) is no verdict either.
  { fault: { kind: 'status', status: 404 }, status: 502, code: 'UPSTREAM_REJECTED' },
  { fault: { kind: 'reset' }, status: 503, code: 'UPSTREAM_UNAVAILABLE' },
  { fault: { kind: 'malformed-json' }, status: 502, code: 'UPSTREAM_ERROR' },
]

test('a failing cloud on a detail read answers UPSTREAM_* 502/503, never 404, for every kind', async () => {
  const h = await createRouteHarness()
  onTestFinished(() => h.close())
  const viewer = await h.as('viewer')
  const wrong: string[] = []
  for (const kind of Object.keys(SERVICE) as WorkloadKind[]) {
    const path = `/api/workloads/${kind}/${h.target}/${await someId(h, kind)}`
    expect((await viewer.get(path)).status, `${kind} answers before any fault`).toBe(200)
    for (const f of FAULTS) {
      h.sim.control.clearFaults()
      // Fewer than the breaker's 5 failures per service: every answer is the cloud's own.
      h.sim.control.injectFault({ service: SERVICE[kind], times: 1, ...f.fault })
      const res = await viewer.get(path)
      // The simulator's ModelArts faults carry ModelArts.4700 ("task does not exist"): with a 4xx
      // that is the documented not-found answer; with a 5xx it is the gateway's reused code.
      const expected =
        kind === 'modelarts-processor-version' && f.fault.status === 404
          ? { status: 404, code: 'NOT_FOUND' }
          : f
      const body = (await res.json()) as {
        error?: { code: string; upstream?: { service: string } }
      }
      if (res.status !== expected.status || body.error?.code !== expected.code)
        wrong.push(`${kind} ${JSON.stringify(f.fault)}: ${res.status} ${body.error?.code}`)
      expect(body.error?.upstream?.service ?? SERVICE[kind]).toBe(SERVICE[kind])
      // Let the breaker see a success between faults.
      h.sim.control.clearFaults()
      expect((await viewer.get(path)).status).toBe(200)
    }
  }
  expect(wrong).toEqual([])
})

test('a documented not-found code is still 404', async () => {
  const h = await createRouteHarness()
  onTestFinished(() => h.close())
  const viewer = await h.as('viewer')
  const res = await viewer.get(
    `/api/workloads/modelarts-processor-version/${h.target}/nosuchtask:nosuchversion`,
  )
  expect(res.status).toBe(404)
  expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
})
