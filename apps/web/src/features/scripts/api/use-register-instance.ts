import { ScriptInstanceResult } from '@ops-console/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'
import { scriptKeys } from './script-queries.js'

export interface RegisterVariables {
  target: string
  scriptName: string
  instanceId: string
}

export function useRegisterInstance() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: RegisterVariables) =>
      unwrap(api.post('/scripts/instances', body), ScriptInstanceResult),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: scriptKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['workloads'] }),
      ]),
  })
}
