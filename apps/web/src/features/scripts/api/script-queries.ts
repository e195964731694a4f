import { ScriptInstanceList, ScriptList } from '@ops-console/contracts'
import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'

export const scriptKeys = {
  all: ['scripts'] as const,
  instances: () => [...scriptKeys.all, 'instances'] as const,
  catalog: (target: string) => [...scriptKeys.all, 'catalog', target] as const,
}

export const scriptQueries = {
  instances: () =>
    queryOptions({
      queryKey: scriptKeys.instances(),
      queryFn: ({ signal }) =>
        unwrap(api.get('/scripts/instances', undefined, signal), ScriptInstanceList).then(
          (l) => l.items,
        ),
      refetchInterval: 15_000,
    }),
  /** The scripts of one target, for the execute picker. */
  catalog: (target: string) =>
    queryOptions({
      queryKey: scriptKeys.catalog(target),
      queryFn: ({ signal }) => unwrap(api.get('/scripts', { target }, signal), ScriptList),
      enabled: target !== '',
      staleTime: 60_000,
    }),
}
