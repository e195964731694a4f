import { ListQuery } from '@ops-console/contracts'
import { z } from 'zod'

/**
 * URL search params of a workload list. Invalid values fall back to "unset" rather than
 * failing the page, so an old or hand-edited link still opens.
 */
export const WorkloadSearch = z.object({
  state: ListQuery.shape.state.catch(undefined),
  target: ListQuery.shape.target.catch(undefined),
  q: ListQuery.shape.q.catch(undefined),
  sort: ListQuery.shape.sort.catch(undefined),
  /** `kind/target/id` of the workload shown in the detail panel. */
  open: z.string().max(400).optional().catch(undefined),
})
export type WorkloadSearch = z.infer<typeof WorkloadSearch>
