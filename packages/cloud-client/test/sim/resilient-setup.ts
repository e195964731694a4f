import type { CloudClientOptions } from '../../src/client.js'
import {
  createResilienceRegistry,
  type ResilienceOptions,
  type ResilienceRegistry,
} from '../../src/resilience/resilience-registry.js'
import { simSetup } from './sim-harness.js'

export const COOL_DOWN = 30_000

/** A client whose breakers run on a manual clock (`clock.t`); reads are not retried unless asked. */
export function resilientSetup(
  options: ResilienceOptions = {},
  attempts = 1,
  client: Partial<CloudClientOptions> = {},
) {
  const clock = { t: 0 }
  const resilience = createResilienceRegistry({
    ...options,
    now: () => clock.t,
    breaker: { failureThreshold: 3, coolDownMs: COOL_DOWN, ...options.breaker },
  })
  const retry = { attempts, baseDelayMs: 1, maxDelayMs: 10 }
  const s = simSetup('aksk', { resilience, retry, ...client })
  return { ...s, clock, resilience }
}

/** Answers of the four other services, called through the same client. */
export async function othersAnswer(s: ReturnType<typeof resilientSetup>) {
  const codeartsProject = s.sim.defaults.codeartsProjectIds[s.region]![0]!
  const results = await Promise.all([
    s.client.dataarts.listJobs({ jobType: 'BATCH' }),
    s.client.codearts.listProjectJobs(codeartsProject),
    s.client.modelarts.listTasks(),
    s.client.iam.listProjects(s.region),
  ])
  return results.map((r) => r.status)
}

/** Breaker and bulkhead state of one service in a registry snapshot. */
export function healthOf(s: { resilience: ResilienceRegistry }, service: string) {
  return s.resilience.snapshot().find((e) => e.service === service)
}
