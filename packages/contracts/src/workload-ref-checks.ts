import { z } from 'zod'
import type { WorkloadKind } from './workload.js'
import { parseWorkloadId, WORKLOAD_ID_FORMATS } from './workload-ids.js'

interface RefLike {
  kind: WorkloadKind
  target: string
  id: string
}

/** Refuses an id that is not well formed for its kind; the issue is reported on `id`. */
export const refIssue = z.superRefine<RefLike>((ref, ctx) => {
  if (parseWorkloadId(ref.kind, ref.id)) return
  ctx.addIssue({
    code: 'custom',
    path: ['id'],
    message: `not a valid ${ref.kind} id: expected ${WORKLOAD_ID_FORMATS[ref.kind]}`,
  })
})

/** The key two refs share when they name the same workload. */
export function refKeyOf(ref: RefLike): string {
  return `${ref.kind}/${ref.target}/${ref.id}`
}

/**
 * One workload at most once per bulk/batch request: a duplicate would be stopped (and audited)
 * twice, or hide a client bug. Reported on the later item (`items.3`), naming the first.
 */
export const uniqueRefs = z.superRefine<RefLike[]>((items, ctx) => {
  const seen = new Map<string, number>()
  items.forEach((ref, i) => {
    const key = refKeyOf(ref)
    const first = seen.get(key)
    if (first === undefined) return void seen.set(key, i)
    ctx.addIssue({
      code: 'custom',
      path: [i],
      message: `duplicate of item ${first}: each workload may appear once`,
    })
  })
})
