import type { SourceStatus, WorkloadKind } from '@ops-console/contracts'
import { describeUpstreamError } from './cloud-errors.js'
import type { AdapterRegistry, CloudTarget, Observed } from './types.js'

export interface SourceResult {
  status: SourceStatus
  items: Observed[]
}

class SourceTimeout extends Error {}

/** Resolves with `promise` or rejects after `ms`, aborting `controller` so the source's calls stop. */
async function withDeadline<T>(promise: Promise<T>, ms: number, controller: AbortController): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new SourceTimeout())
    }, ms)
  })
  try {
    return await Promise.race([promise, deadline])
  } finally {
    clearTimeout(timer)
  }
}

async function readSource(target: CloudTarget, kind: WorkloadKind, adapters: AdapterRegistry, timeoutMs: number, now: () => Date): Promise<SourceResult> {
  const controller = new AbortController()
  const base = { target: target.name, kind }
  try {
    const items = await withDeadline(adapters[kind].list(target, { signal: controller.signal, timeoutMs }), timeoutMs, controller)
    return { items, status: { ...base, ok: true, count: items.length, fetchedAt: now().toISOString() } }
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
    return { items: [], status: { ...base, ok: false, count: 0, error, fetchedAt: now().toISOString() } }
  }
}

/**
 * Lists every (target, kind) source in parallel. Each source has its own deadline, and a failing
 * source becomes a SourceStatus with ok:false instead of failing the whole page.
 */
export async function fanOut(
  targets: readonly CloudTarget[],
  kinds: readonly WorkloadKind[],
  adapters: AdapterRegistry,
  opts: { timeoutMs: number; now: () => Date },
): Promise<SourceResult[]> {
  const jobs = targets.flatMap((t) => kinds.filter((k) => adapters[k].appliesTo(t)).map((k) => readSource(t, k, adapters, opts.timeoutMs, opts.now)))
  return Promise.all(jobs)
}
