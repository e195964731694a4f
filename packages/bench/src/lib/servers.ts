import type { SimDefaults, SimOptions } from '@ops-console/cloud-sim'
import type { TargetConfig } from '@ops-console/bff/src/lib/config.js'
import type { BffHostConfig } from '../hosts/bff-host.js'
import { BENCH_PASSWORD } from './bff-session.js'
import { startHost, type Child } from './child.js'

export type SimHost = Child<{ origin: string; defaults: SimDefaults }>
export type BffHost = Child<{ origin: string; dialect: string }>

export const startSim = (options: SimOptions & { keepAliveMs?: number }): Promise<SimHost> =>
  startHost('sim-host', options)

/** The BFF's targets for the simulator's projects (the first `count` of them). */
export function simTargetConfigs(
  defaults: SimDefaults,
  count = defaults.projects.length,
): TargetConfig[] {
  return defaults.projects.slice(0, count).map((p) => ({
    name: p.region,
    region: p.region,
    projectId: p.id,
    workspace: defaults.workspaceId,
    codeartsProjectIds: defaults.codeartsProjectIds[p.region] ?? [],
  }))
}

/** The BFF against the simulator host with one viewer and one operator account. */
export function startBff(
  sim: SimHost,
  opts: Partial<BffHostConfig> & Pick<BffHostConfig, 'database'>,
): Promise<BffHost> {
  const config: BffHostConfig = {
    simOrigin: sim.info.origin,
    simUser: sim.info.defaults.user,
    targets: simTargetConfigs(sim.info.defaults, 1),
    users: [
      { username: 'viewer', role: 'viewer', password: BENCH_PASSWORD },
      { username: 'operator', role: 'operator', password: BENCH_PASSWORD },
    ],
    ...opts,
  }
  return startHost('bff-host', config)
}

/** Requests the simulator has received since the last reset (see hosts/sim-host.ts). */
export async function simRequestCount(sim: SimHost, reset = false): Promise<number> {
  const res = await fetch(`${sim.info.origin}/__bench/count`, { method: reset ? 'DELETE' : 'GET' })
  return ((await res.json()) as { count: number }).count
}
