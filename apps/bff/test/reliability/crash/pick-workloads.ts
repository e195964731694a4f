import { createCloudClient } from '@ops-console/cloud-client'
import { createCloudSim } from '@ops-console/cloud-sim'
import {
  WORKLOAD_KINDS,
  type ScriptInstanceResult,
  type WorkloadKind,
  type WorkloadList,
} from '@ops-console/contracts'
import type { WorkloadKey } from '../../../src/audit/types.js'
import { simTargets } from '../../../src/workloads/cloud-targets.js'
import type { LiveClient } from '../live-bff.js'

const SCRIPT_RUNS = 40

/** Script names of the seed-42 world's first project, read from the standalone simulator. */
async function scriptNames(simUrl: string): Promise<{ target: string; names: string[] }> {
  const sim = createCloudSim({ seed: 42, clock: 'manual' })
  const [t] = simTargets(sim)
  if (!t) throw new Error('no simulated project')
  const client = createCloudClient({
    region: t.region,
    projectId: t.projectId,
    ...(t.workspace ? { workspace: t.workspace } : {}),
    credentials: { type: 'aksk', ...sim.defaults.aksk },
    endpoints: { dataarts: `${simUrl}/dataarts` },
    allowInsecureLoopback: true,
  })
  const { data } = await client.dataarts.listScripts({ limit: 100 })
  return {
    target: t.name,
    names: data.scripts.map((s) => s.name).filter((n) => /^[A-Za-z0-9_-]{1,128}$/.test(n)),
  }
}

/**
 * `count` workloads the admin may stop right now, spread over the five kinds. Script instances
 * are created first through the BFF (execute), then everything is listed and picked round-robin.
 */
export async function pickStoppable(
  api: LiveClient,
  simUrl: string,
  count: number,
): Promise<WorkloadKey[]> {
  const { target, names } = await scriptNames(simUrl)
  for (let i = 0; i < SCRIPT_RUNS && names.length > 0; i++) {
    const name = names[i % names.length] as string
    const res = await api.post(`/api/scripts/${target}/${name}/execute`, {
      params: {},
      reason: 'crash test setup',
    })
    if (res.status !== 200) throw new Error(`execute ${name}: ${res.status} ${await res.text()}`)
    ;(await res.json()) as ScriptInstanceResult
  }
  // Script instances launch for 1–3 s before they run (and may be stopped).
  await new Promise((r) => setTimeout(r, 3_500))
  const pools = new Map<WorkloadKind, WorkloadKey[]>()
  for (const kind of WORKLOAD_KINDS) {
    const list = (await (
      await api.get(`/api/workloads/${kind}?limit=20000`)
    ).json()) as WorkloadList
    pools.set(
      kind,
      list.items
        .filter((w) => w.actions.stop.allowed)
        .map((w) => ({ kind: w.kind, target: w.target, id: w.id })),
    )
  }
  const picked: WorkloadKey[] = []
  for (let round = 0; picked.length < count; round++) {
    let took = false
    for (const kind of WORKLOAD_KINDS) {
      const next = pools.get(kind)?.[round]
      if (next && picked.length < count) {
        picked.push(next)
        took = true
      }
    }
    if (!took) throw new Error(`only ${picked.length} stoppable workloads`)
  }
  return picked
}
