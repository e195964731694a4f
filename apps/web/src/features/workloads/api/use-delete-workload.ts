import { ActionResult, type DeleteBody } from '@ops-console/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'
import { patchListsAfterAction } from './patch-lists.js'
import { workloadKeys, workloadPath, type WorkloadRefLike } from './workload-queries.js'

export function useDeleteWorkload() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ ref, body }: { ref: WorkloadRefLike; body: DeleteBody }) =>
      unwrap(api.post(`${workloadPath(ref)}/delete`, body), ActionResult),
    onSuccess: (result) => patchListsAfterAction(queryClient, [result], 'deleting'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workloadKeys.all }),
  })
}
