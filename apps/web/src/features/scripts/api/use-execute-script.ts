import { ScriptInstanceResult } from '@ops-console/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, seg, unwrap } from '../../../lib/api-client.js'
import { scriptKeys } from './script-queries.js'

export interface ExecuteVariables {
  target: string
  scriptName: string
  params: Record<string, string>
  reason: string
}

export function useExecuteScript() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ target, scriptName, params, reason }: ExecuteVariables) =>
      unwrap(
        api.post(`/scripts/${seg(target)}/${seg(scriptName)}/execute`, { params, reason }),
        ScriptInstanceResult,
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: scriptKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['workloads'] }),
      ]),
  })
}
