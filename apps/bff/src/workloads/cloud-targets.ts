import {
  checkConnection,
  createCloudClient,
  createResilienceRegistry,
  type CloudProvider,
  type ServiceCheck,
  type CloudClientOptions,
  type CloudCredentials,
  type ResilienceOptions,
  type ResilienceRegistry,
} from '@ops-console/cloud-client'
import { createCloudSim, type CloudSim } from '@ops-console/cloud-sim'
import { CLOUD_SERVICES, type BffConfig, type TargetConfig } from '../lib/config.js'
import type { CloudTarget } from './types.js'

/** Loopback origin the in-process simulator pretends to live on (its fetch never opens a socket). */
export const SIM_ORIGIN = 'http://127.0.0.1:4010'

export interface CloudTargets {
  targets: CloudTarget[]
  /** The in-process simulator in demo mode (or the one a test passed in), else null. */
  sim: CloudSim | null
  /**
   * The one breaker/bulkhead registry every client shares, so a dead service of a region is
   * noticed once for all targets; `resilience.snapshot()` reports it (health, readyz).
   */
  resilience: ResilienceRegistry
}

export interface CloudTargetsOptions {
  /** Use this simulator (tests: manual clock) instead of creating one; implies demo wiring. */
  sim?: CloudSim
  /** Per-attempt timeout of cloud calls. */
  timeoutMs?: number
  /** Extra client options for tests (e.g. no retries). */
  clientOverrides?: Partial<CloudClientOptions>
  /** Breaker/bulkhead settings of the shared registry (tests: lower thresholds, manual clock). */
  resilienceOptions?: ResilienceOptions
}

/** One target per simulated project, named after its region (`cn-north-4`, a suffix if a region repeats). */
export function simTargets(sim: CloudSim): TargetConfig[] {
  const seen = new Map<string, number>()
  return sim.defaults.projects.map((p) => {
    const n = (seen.get(p.region) ?? 0) + 1
    seen.set(p.region, n)
    return {
      name: n === 1 ? p.region : `${p.region}-${n}`,
      region: p.region,
      projectId: p.id,
      workspace: sim.defaults.workspaceId,
      codeartsProjectIds: sim.defaults.codeartsProjectIds[p.region] ?? [],
    }
  })
}

function simEndpoints(): Record<(typeof CLOUD_SERVICES)[number], string> {
  return Object.fromEntries(CLOUD_SERVICES.map((s) => [s, `${SIM_ORIGIN}/${s}`])) as Record<
    (typeof CLOUD_SERVICES)[number],
    string
  >
}

/**
 * Builds one cloud client per configured target. In demo mode (no cloud configured) the simulator
 * runs in-process with the real clock and every target points at its loopback URLs.
 */
export function createCloudTargets(
  config: BffConfig,
  opts: CloudTargetsOptions = {},
): CloudTargets {
  const sim = opts.sim ?? (config.demoMode ? createCloudSim() : null)
  const resilience = createResilienceRegistry(opts.resilienceOptions)
  const common: Partial<CloudClientOptions> = {
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    ...opts.clientOverrides,
    resilience,
  }

  if (sim) {
    const credentials: CloudCredentials = {
      type: 'aksk',
      ak: sim.defaults.aksk.ak,
      sk: sim.defaults.aksk.sk,
    }
    const targets = simTargets(sim).map((t) => ({
      ...t,
      client: createCloudClient({
        region: t.region,
        projectId: t.projectId,
        ...(t.workspace ? { workspace: t.workspace } : {}),
        credentials,
        endpoints: simEndpoints(),
        allowInsecureLoopback: true,
        fetch: (input, init) => sim.fetch(input, init),
        ...common,
      }),
    }))
    return { targets, sim, resilience }
  }

  if (!config.credentials) return { targets: [], sim: null, resilience }
  const credentials = config.credentials
  const targets = config.targets.map((t) => ({
    name: t.name,
    region: t.region,
    projectId: t.projectId,
    codeartsProjectIds: t.codeartsProjectIds,
    client: createCloudClient({
      ...(t.provider ? { provider: t.provider } : {}),
      region: t.region,
      projectId: t.projectId,
      ...(t.workspace ? { workspace: t.workspace } : {}),
      credentials,
      // A target's own (https) endpoints are the most specific; CLOUD_ENDPOINT_* are loopback ones.
      endpoints: { ...config.endpoints, ...t.endpoints },
      // Endpoint overrides are loopback-only and refused in production by the config parser.
      allowInsecureLoopback: config.env !== 'production',
      ...common,
    }),
  }))
  return { targets, sim: null, resilience }
}

/** The connection check of one target: one read-only call per service (cloud-client checkConnection). */
export interface TargetCheck {
  target: string
  provider: CloudProvider
  region: string
  services: ServiceCheck[]
}

/** Checks the targets one after another (a check is a handful of calls; order keeps the output stable). */
export async function checkCloudTargets(targets: readonly CloudTarget[]): Promise<TargetCheck[]> {
  const results: TargetCheck[] = []
  for (const t of targets) {
    const services = await checkConnection(t.client, { codeartsProjectIds: t.codeartsProjectIds })
    results.push({ target: t.name, provider: t.client.provider, region: t.region, services })
  }
  return results
}
