import type { BffConfig } from '../lib/config.js'
import type { Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'
import type { AuditLedger } from '../audit/types.js'
import type { AdapterRegistry, CloudTarget } from './types.js'

/** Everything the workload service needs; tests build it with a simulator-backed target list. */
export interface WorkloadServiceDeps {
  targets: readonly CloudTarget[]
  adapters: AdapterRegistry
  ledger: AuditLedger
  isProtected: (ref: { target: string; name: string }) => boolean
  clock: Clock
  log: Logger
  stopWatch: BffConfig['stopWatch']
  /** Deadline per (target, kind) listing; default 15 s. */
  sourceTimeoutMs?: number
  /** Freshness of listed sources shared by all viewers (default 2 s); failures are kept 0.5 s at most. */
  listCacheTtlMs?: number
  /** Live stream poll intervals and heartbeat (defaults 5 s, 1.5 s while transitional, 15 s). */
  stream?: Partial<{ pollMs: number; fastPollMs: number; heartbeatMs: number }>
  /** Injected so tests can drive the stop watcher without real waiting. */
  sleep?: (ms: number) => Promise<void>
}

export const DEFAULT_SOURCE_TIMEOUT_MS = 15_000

export const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))
