import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.post('/auth/logout')),
    // Drop every cached view of the old session, whatever the server said.
    onSettled: () => {
      queryClient.clear()
    },
  })
}
