import { ScriptInstanceList } from '@ops-console/contracts'
import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'

export const scriptKeys = {
  all: ['scripts'] as const,
  instances: () => [...scriptKeys.all, 'instances'] as const,
}

export const scriptQueries = {
  instances: () =>
    queryOptions({
      queryKey: scriptKeys.instances(),
      queryFn: ({ signal }) => unwrap(api.get('/scripts/instances', undefined, signal), ScriptInstanceList).then((l) => l.items),
      refetchInterval: 15_000,
    }),
}
