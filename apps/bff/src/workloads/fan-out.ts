import type { SourceStatus, WorkloadKind } from '@ops-console/contracts'
import { describeUpstreamError } from './cloud-errors.js'
import {
  DEFAULT_LIST_CACHE_TTL_MS,
  DEFAULT_LIST_ERROR_TTL_MS,
  SourceCache,
} from './source-cache.js'
import type { AdapterRegistry, CloudTarget, Observed } from './types.js'

export interface SourceResult {
  status: SourceStatus
  items: Observed[]
}

class SourceTimeout extends Error {}

/** Resolves with `promise` or rejects after `ms`, aborting `controller` so the source's calls stop. */
async function withDeadline<T>(
  promise: Promise<T>,
  ms: number,
  controller: AbortController,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // A TimeoutError reason makes the client count this as a timeout against the service's
      // breaker; a plain abort counts for nothing, and a hanging service would never open it.
      controller.abort(new DOMException('source deadline', 'TimeoutError'))
      reject(new SourceTimeout())
    }, ms)
  })
  try {
    return await Promise.race([promise, deadline])
  } finally {
    clearTimeout(timer)
  }
}

async function readSource(
  target: CloudTarget,
  kind: WorkloadKind,
  adapters: AdapterRegistry,
  timeoutMs: number,
  now: () => Date,
): Promise<SourceResult> {
  const controller = new AbortController()
  const base = { target: target.name, kind }
  try {
    const items = await withDeadline(
      adapters[kind].list(target, { signal: controller.signal, timeoutMs }),
      timeoutMs,
      controller,
    )
    return {
      items,
      status: { ...base, ok: true, count: items.length, fetchedAt: now().toISOString() },
    }
  } catch (err) {
    const error =
      err instanceof SourceTimeout
        ? { code: 'UPSTREAM_TIMEOUT', message: `listing took longer than ${timeoutMs} ms` }
        : (() => {
            const f = describeUpstreamError(err)
            return {
              code: f.code,
              message: f.message,
              ...(f.cloudCode ? { cloudCode: f.cloudCode } : {}),
              ...(f.requestId ? { requestId: f.requestId } : {}),
            }
          })()
    return {
      items: [],
      status: { ...base, ok: false, count: 0, error, fetchedAt: now().toISOString() },
    }
  }
}

export interface FanOutOptions {
  timeoutMs: number
  now: () => Date
  /** Freshness of a listed source (default 2 s) and of a failed one (default 0.5 s). */
  cacheTtlMs?: number
  errorCacheTtlMs?: number
}

export interface FanOut {
  /** One result per (target, kind) source that applies, in target-then-kind order. */
  read(targets: readonly CloudTarget[], kinds: readonly WorkloadKind[]): Promise<SourceResult[]>
  /** One source, accepting a cached listing only up to `maxAgeMs` old (the stream's pollers). */
  readSource(target: CloudTarget, kind: WorkloadKind, maxAgeMs?: number): Promise<SourceResult>
  /** Forgets what is known about one source (after a stop or delete touched it). */
  invalidate(target: string, kind: WorkloadKind): void
}

/**
 * Lists every (target, kind) source in parallel. Each source has its own deadline, and a failing
 * source becomes a SourceStatus with ok:false instead of failing the whole page. Reads of a source
 * are coalesced: concurrent ones share one upstream listing and later ones reuse it for a short
 * TTL, so upstream calls per refresh interval stay at one per source whatever the viewer count.
 */
export function createFanOut(adapters: AdapterRegistry, opts: FanOutOptions): FanOut {
  const cache = new SourceCache<SourceResult>(
    {
      ttlMs: opts.cacheTtlMs ?? DEFAULT_LIST_CACHE_TTL_MS,
      errorTtlMs: Math.min(
        opts.errorCacheTtlMs ?? DEFAULT_LIST_ERROR_TTL_MS,
        opts.cacheTtlMs ?? DEFAULT_LIST_CACHE_TTL_MS,
      ),
      now: () => opts.now().getTime(),
    },
    (r) => !r.status.ok,
  )
  const keyOf = (target: string, kind: WorkloadKind) => `${target}|${kind}`
  const readOne = (
    target: CloudTarget,
    kind: WorkloadKind,
    maxAgeMs?: number,
  ): Promise<SourceResult> =>
    cache.get(
      keyOf(target.name, kind),
      () => readSource(target, kind, adapters, opts.timeoutMs, opts.now),
      maxAgeMs,
    )
  return {
    read: (targets, kinds) =>
      Promise.all(
        targets.flatMap((t) =>
          kinds.filter((k) => adapters[k].appliesTo(t)).map((k) => readOne(t, k)),
        ),
      ),
    readSource: readOne,
    invalidate: (target, kind) => cache.invalidate(keyOf(target, kind)),
  }
}
