import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { api, unwrap } from './api-client.js'

const Target = z.looseObject({ name: z.string(), region: z.string().optional() })
export type Target = z.infer<typeof Target>

/** `/api/targets` is loosely specified ("names, regions"): accept a bare array or `{ targets }`. */
const TargetsResponse = z.union([z.array(Target), z.object({ targets: z.array(Target) }).transform((r) => r.targets)])

/** Shared by every screen with a target picker (lists, scripts). */
export const targetQueries = {
  all: () =>
    queryOptions({
      queryKey: ['targets'] as const,
      queryFn: ({ signal }) => unwrap(api.get('/targets', undefined, signal), TargetsResponse),
      staleTime: 5 * 60_000,
    }),
}
