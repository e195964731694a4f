import {
  WorkloadDetail,
  WorkloadList,
  WorkloadRefParams,
  type ListQuery,
  type WorkloadKind,
} from '@ops-console/contracts'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { api, seg, unwrap } from '../../../lib/api-client.js'

export type ListScope = WorkloadKind | 'all'
export type ListParams = Pick<ListQuery, 'state' | 'target' | 'q' | 'sort'>

/** Lists are loaded whole (the table virtualises), up to the BFF's ceiling. */
export const LIST_LIMIT = 20_000

export interface WorkloadRefLike {
  kind: WorkloadKind
  target: string
  id: string
}

export const workloadKeys = {
  all: ['workloads'] as const,
  lists: () => [...workloadKeys.all, 'list'] as const,
  list: (scope: ListScope, params: ListParams) => [...workloadKeys.lists(), scope, params] as const,
  details: () => [...workloadKeys.all, 'detail'] as const,
  detail: (ref: WorkloadRefLike) =>
    [...workloadKeys.details(), ref.kind, ref.target, ref.id] as const,
}

export function workloadPath(ref: WorkloadRefLike): string {
  return `/workloads/${seg(ref.kind)}/${seg(ref.target)}/${seg(ref.id)}`
}

export const workloadQueries = {
  list: (scope: ListScope, params: ListParams) =>
    queryOptions({
      queryKey: workloadKeys.list(scope, params),
      queryFn: ({ signal }) =>
        unwrap(
          api.get(
            scope === 'all' ? '/workloads' : `/workloads/${seg(scope)}`,
            { ...params, limit: LIST_LIMIT },
            signal,
          ),
          WorkloadList,
        ),
      // Keep the old rows on screen while a new filter loads, so the table doesn't flash.
      placeholderData: keepPreviousData,
    }),
  detail: (ref: WorkloadRefLike) =>
    queryOptions({
      queryKey: workloadKeys.detail(ref),
      queryFn: ({ signal }) =>
        unwrap(api.get(workloadPath(ref), undefined, signal), WorkloadDetail),
    }),
}

export function refKey(ref: WorkloadRefLike): string {
  return `${ref.kind}/${ref.target}/${ref.id}`
}

/** `kind/target/id` from a link (`?open=`), checked like the BFF checks it: a malformed one opens nothing. */
export function parseRefKey(key: string | undefined): WorkloadRefLike | null {
  if (!key) return null
  const [kind, target, ...rest] = key.split('/')
  const parsed = WorkloadRefParams.safeParse({ kind, target, id: rest.join('/') })
  return parsed.success ? parsed.data : null
}
