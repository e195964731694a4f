import { TokenStore } from './auth/token-store.js'
import type { SimClock } from './clock.js'
import { createClock } from './clock.js'
import { FaultStore } from './control/faults.js'
import { RequestLog } from './control/request-log.js'
import { stableFraction } from './prng.js'
import type { ServiceName, SimAkSk, SimOptions, SimUser } from './types.js'
import {
  DEFAULT_AKSK,
  DEFAULT_TEMPORARY_AKSK,
  DEFAULT_USER,
  generateWorld,
} from './world/generate.js'
import type { World } from './world/types.js'

export interface ResolvedOptions {
  seed: number
  size: 'small' | 'large' | number
  clock: 'real' | 'manual'
  startTime: number | undefined
  stopDelayMs: number
  stopFailureRate: number
  users: SimUser[]
  akskPairs: SimAkSk[]
  subprojects: string[]
}

/** Mutable container shared by all routes; reset() swaps its members in place. */
export interface SimState {
  options: ResolvedOptions
  clock: SimClock
  world: World
  tokens: TokenStore
  faults: FaultStore
  log: RequestLog
  forcedFailures: Set<string>
  /** Stop attempts per workload, so a retried stop gets a fresh (still deterministic) draw. */
  stopAttempts: Map<string, number>
  /** Consecutive bad signatures and lock end (sim clock) per AK. */
  akLocks: Map<string, { failures: number; lockedUntil: number }>
}

export function resolveOptions(o: SimOptions = {}): ResolvedOptions {
  const clock = o.clock ?? 'real'
  return {
    seed: o.seed ?? 42,
    size: o.size ?? 'small',
    clock,
    startTime: o.startTime,
    stopDelayMs: o.stopDelayMs ?? 3000,
    // Demo (real clock) shows some failing stops; tests (manual clock) opt in explicitly.
    stopFailureRate: Math.min(1, Math.max(0, o.stopFailureRate ?? (clock === 'real' ? 0.1 : 0))),
    users: o.users?.length ? o.users : [DEFAULT_USER],
    akskPairs: o.akskPairs?.length ? o.akskPairs : [DEFAULT_AKSK, DEFAULT_TEMPORARY_AKSK],
    subprojects: o.subprojects ?? [],
  }
}

export function createState(options: ResolvedOptions): SimState {
  const clock = createClock(options.clock, options.startTime)
  return {
    options,
    clock,
    world: generateWorld(options.seed, options.size, clock.now(), options.subprojects),
    tokens: new TokenStore(),
    faults: new FaultStore(),
    log: new RequestLog(),
    forcedFailures: new Set(),
    stopAttempts: new Map(),
    akLocks: new Map(),
  }
}

/** Decides whether a stop ends in failure: forced once, else a stable per-workload draw. */
export function stopFails(state: SimState, service: ServiceName, id: string): boolean {
  const key = `${service}:${id}`
  if (state.forcedFailures.delete(key)) return true
  const attempt = (state.stopAttempts.get(key) ?? 0) + 1
  state.stopAttempts.set(key, attempt)
  const rate = state.options.stopFailureRate
  return rate > 0 && stableFraction(state.options.seed, `${key}#${attempt}`) < rate
}
