import type { SourceStatus, WorkloadKind } from '@ops-console/contracts'
import { describeUpstreamError } from './cloud-errors.js'
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
}

/**
 * Lists every (target, kind) source in parallel. Each source has its own deadline, and a failing
 * source becomes a SourceStatus with ok:false instead of failing the whole page. Reads of the same
 * source that overlap in time (the overview and a list opened together) share one upstream fetch.
 */
export function createFanOut(adapters: AdapterRegistry, opts: FanOutOptions) {
  const inFlight = new Map<string, Promise<SourceResult>>()
  const read = (target: CloudTarget, kind: WorkloadKind): Promise<SourceResult> => {
    const key = `${target.name}|${kind}`
    const running = inFlight.get(key)
    if (running) return running
    const started = readSource(target, kind, adapters, opts.timeoutMs, opts.now).finally(() =>
      inFlight.delete(key),
    )
    inFlight.set(key, started)
    return started
  }
  return (
    targets: readonly CloudTarget[],
    kinds: readonly WorkloadKind[],
  ): Promise<SourceResult[]> =>
    Promise.all(
      targets.flatMap((t) => kinds.filter((k) => adapters[k].appliesTo(t)).map((k) => read(t, k))),
    )
}
