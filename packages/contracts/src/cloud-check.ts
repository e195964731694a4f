import { z } from 'zod'

/** Outcome of one service's check; see cloud-client `CheckOutcome` for what each means. */
export const CheckOutcome = z.enum([
  'ok',
  'unreachable',
  'unauthenticated',
  'forbidden',
  'error',
  'skipped',
  'not-configured',
])
export type CheckOutcome = z.infer<typeof CheckOutcome>

/** `GET /api/cloud-check`: the connection check per target and service (cloud-client ServiceCheck). */
export const CloudCheckReport = z.object({
  checkedAt: z.string(),
  demoMode: z.boolean(),
  targets: z.array(
    z.object({
      target: z.string(),
      provider: z.enum(['huaweicloud', 'otc']),
      region: z.string(),
      services: z.array(
        z.object({
          service: z.enum(['iam', 'dataarts', 'codearts', 'dli', 'modelarts']),
          endpoint: z.string().nullable(),
          operation: z.string().nullable(),
          outcome: CheckOutcome,
          reachable: z.boolean().nullable(),
          authenticated: z.boolean().nullable(),
          allowed: z.boolean().nullable(),
          latencyMs: z.number().nullable(),
          status: z.number().int().nullable(),
          code: z.string().nullable(),
          requestId: z.string().nullable(),
          message: z.string().nullable(),
        }),
      ),
    }),
  ),
})
export type CloudCheckReport = z.infer<typeof CloudCheckReport>
