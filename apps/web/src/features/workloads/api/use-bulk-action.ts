import { BulkActionResult, type WorkloadAction } from '@ops-console/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'
import { patchListsAfterAction } from './patch-lists.js'
import { workloadKeys, type WorkloadRefLike } from './workload-queries.js'

export interface BulkVariables {
  action: WorkloadAction
  items: (WorkloadRefLike & { confirmName?: string })[]
  reason: string
  triggerSavepoint?: boolean
}

export function useBulkAction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, items, reason, triggerSavepoint }: BulkVariables) => {
      const body =
        action === 'stop'
          ? {
              items: items.map(({ kind, target, id }) => ({ kind, target, id })),
              reason,
              ...(triggerSavepoint ? { triggerSavepoint } : {}),
            }
          : {
              items: items.map(({ kind, target, id, confirmName }) => ({
                kind,
                target,
                id,
                confirmName: confirmName ?? '',
              })),
              reason,
            }
      return unwrap(api.post(`/workloads/bulk/${action}`, body), BulkActionResult)
    },
    onSuccess: (res, vars) =>
      patchListsAfterAction(
        queryClient,
        res.results,
        vars.action === 'stop' ? 'stopping' : 'deleting',
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workloadKeys.all }),
  })
}
