import { Workload, WorkloadList } from '@ops-console/contracts'
import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { api, unwrap } from '../../../lib/api-client.js'

/** Tracked instances come back as script-instance workloads; accept a list envelope or a bare array. */
const InstancesResponse = z.union([
  WorkloadList.transform((l) => l.items),
  z.object({ items: z.array(Workload) }).transform((l) => l.items),
  z.array(Workload),
])

export const scriptKeys = {
  all: ['scripts'] as const,
  instances: () => [...scriptKeys.all, 'instances'] as const,
}

export const scriptQueries = {
  instances: () =>
    queryOptions({
      queryKey: scriptKeys.instances(),
      queryFn: ({ signal }) => unwrap(api.get('/scripts/instances', undefined, signal), InstancesResponse),
      refetchInterval: 15_000,
    }),
}
