import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { api, seg, unwrap } from '../../../lib/api-client.js'
import { scriptKeys } from './script-queries.js'

export interface ExecuteVariables {
  target: string
  scriptName: string
  params: Record<string, string>
  reason: string
}

/** The response shape is not pinned down in the API table; an instance id is shown when present. */
const ExecuteResponse = z.looseObject({ instanceId: z.string().optional(), id: z.string().optional() })

export function useExecuteScript() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ target, scriptName, params, reason }: ExecuteVariables) =>
      unwrap(api.post(`/scripts/${seg(target)}/${seg(scriptName)}/execute`, { params, reason }), ExecuteResponse),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: scriptKeys.all }), queryClient.invalidateQueries({ queryKey: ['workloads'] })]),
  })
}
