import { ActionResult, type StopBody } from '@ops-console/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'
import { patchListsAfterAction } from './patch-lists.js'
import { workloadKeys, workloadPath, type WorkloadRefLike } from './workload-queries.js'

export function useStopWorkload() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ ref, body }: { ref: WorkloadRefLike; body: StopBody }) =>
      unwrap(api.post(`${workloadPath(ref)}/stop`, body), ActionResult),
    onSuccess: (result) => patchListsAfterAction(queryClient, [result], 'stopping'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workloadKeys.all }),
  })
}
