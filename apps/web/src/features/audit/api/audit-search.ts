import { AuditQuery } from '@ops-console/contracts'
import { z } from 'zod'

/** Audit filters in the URL; bad values are dropped rather than breaking the page. */
export const AuditSearch = z.object({
  category: AuditQuery.shape.category.catch(undefined),
  actor: AuditQuery.shape.actor.catch(undefined),
  kind: AuditQuery.shape.kind.catch(undefined),
  action: AuditQuery.shape.action.catch(undefined),
  outcome: AuditQuery.shape.outcome.catch(undefined),
  from: AuditQuery.shape.from.catch(undefined),
  to: AuditQuery.shape.to.catch(undefined),
  q: AuditQuery.shape.q.catch(undefined),
  /** Id of the entry shown in the detail view. */
  entry: z.string().max(200).optional().catch(undefined),
})
export type AuditSearch = z.infer<typeof AuditSearch>
export type AuditFilters = Omit<AuditSearch, 'entry'>

export function filtersOf(search: AuditSearch): AuditFilters {
  const { entry: _entry, ...filters } = search
  return filters
}
