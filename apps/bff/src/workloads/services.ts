import type { EndpointHealth } from '@ops-console/cloud-client'
import type { TargetInfo, WorkloadKind } from '@ops-console/contracts'
import type { PlatformDeps } from '../lib/app-env.js'
import type { ServiceHooks } from '../lib/app-services.js'
import { isProtectedWorkload } from '../auth/protected-workloads.js'
import { BackgroundTasks } from './background.js'
import { createCloudTargets, type CloudTargetsOptions } from './cloud-targets.js'
import { codeArtsBuildAdapter } from './kinds/codearts-build/adapter.js'
import { dataArtsJobAdapter } from './kinds/dataarts-job/adapter.js'
import { createScriptInstanceAdapter } from './kinds/dataarts-script-instance/adapter.js'
import { dliFlinkJobAdapter } from './kinds/dli-flink-job/adapter.js'
import { modelArtsVersionAdapter } from './kinds/modelarts-processor-version/adapter.js'
import { createScriptRegistry } from './scripts/registry.js'
import { createScriptCatalog, type ScriptCatalog } from './scripts/script-catalog.js'
import { createScriptService, type ScriptService } from './scripts/script-service.js'
import { createWorkloadService, type WorkloadService } from './service.js'
import { DEFAULT_SOURCE_TIMEOUT_MS, type WorkloadServiceDeps } from './service-deps.js'
import type { AdapterRegistry } from './types.js'

declare module '../lib/app-services.js' {
  interface AppServices {
    /** Optional so platform tests can build an app without the workloads half; routes answer NOT_READY then. */
    workloads?: WorkloadService
    scripts?: ScriptService
    /** `GET /api/scripts`: the DataArts scripts of every target, for the execute picker. */
    scriptCatalog?: ScriptCatalog
    targets?: TargetInfo[]
    /**
     * Circuit-breaker and bulkhead state of every cloud endpoint the clients have called (one
     * shared registry), for health/readiness reports: `[{ service, base, state, failures, ... }]`.
     */
    cloudHealth?: () => EndpointHealth[]
  }
}

export interface WorkloadsOptions extends CloudTargetsOptions {
  sourceTimeoutMs?: number
  /** Freshness of a listed source shared by all viewers; default 2 s, 0 disables the cache. */
  listCacheTtlMs?: number
  /** Live stream poll intervals and heartbeat (tests: milliseconds). */
  stream?: WorkloadServiceDeps['stream']
  /** Stop watcher sleep (tests drive it by hand). */
  sleep?: (ms: number) => Promise<void>
}

/**
 * Builds the workloads half from the platform's deps: one cloud client per target (or the
 * in-process simulator in demo mode), the five adapters, the workload and script services.
 */
export function createAppServices(platform: PlatformDeps, opts: WorkloadsOptions = {}) {
  const { targets, sim, resilience } = createCloudTargets(platform.config, opts)
  const registry = createScriptRegistry(platform.db)
  const adapters: AdapterRegistry = {
    'dataarts-job': dataArtsJobAdapter,
    'dataarts-script-instance': createScriptInstanceAdapter(registry, platform.clock),
    'codearts-build': codeArtsBuildAdapter,
    'dli-flink-job': dliFlinkJobAdapter,
    'modelarts-processor-version': modelArtsVersionAdapter,
  }
  const deps: WorkloadServiceDeps = {
    targets,
    adapters,
    ledger: platform.ledger,
    isProtected: (ref) => isProtectedWorkload(platform.config, ref),
    clock: platform.clock,
    log: platform.log,
    stopWatch: platform.config.stopWatch,
    ...(opts.sourceTimeoutMs ? { sourceTimeoutMs: opts.sourceTimeoutMs } : {}),
    ...(opts.listCacheTtlMs === undefined ? {} : { listCacheTtlMs: opts.listCacheTtlMs }),
    ...(opts.stream ? { stream: opts.stream } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
  }
  const workloads = createWorkloadService(deps)
  const scriptTasks = new BackgroundTasks((err) =>
    platform.log.error({ err }, 'background script task failed'),
  )
  const scriptService = createScriptService({
    targets,
    registry,
    adapter: adapters['dataarts-script-instance'],
    ledger: platform.ledger,
    clock: platform.clock,
    log: platform.log,
    tasks: scriptTasks,
  })
  // A new or newly tracked instance belongs in the next script-instance listing at once.
  const scripts: ScriptService = {
    ...scriptService,
    execute: (actor, target, ...rest) =>
      scriptService
        .execute(actor, target, ...rest)
        .finally(() => workloads.invalidate(target, 'dataarts-script-instance')),
    register: (actor, body, meta) =>
      scriptService
        .register(actor, body, meta)
        .finally(() => workloads.invalidate(body.target, 'dataarts-script-instance')),
  }
  const scriptCatalog = createScriptCatalog({
    targets,
    clock: platform.clock,
    timeoutMs: opts.sourceTimeoutMs ?? DEFAULT_SOURCE_TIMEOUT_MS,
  })
  const targetInfo: TargetInfo[] = targets.map((t) => ({
    name: t.name,
    region: t.region,
    kinds: (Object.keys(adapters) as WorkloadKind[]).filter((k) => adapters[k].appliesTo(t)),
  }))
  const hooks: Required<ServiceHooks> = {
    reconcile: async () => {
      await workloads.reconcile()
    },
    close: async () => {
      await Promise.all([workloads.close(), scriptTasks.close()])
    },
  }
  return {
    workloads,
    scripts,
    scriptCatalog,
    targets: targetInfo,
    sim,
    cloudTargets: targets,
    cloudHealth: () => resilience.snapshot(),
    ...hooks,
  }
}
