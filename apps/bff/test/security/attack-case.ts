import type { AttackContext } from './attack-context.js'

export interface AttackCase {
  name: string
  /** The route under attack, for the coverage check (`METHOD /pattern`). */
  route: string
  send(ctx: AttackContext): Promise<Response>
  /** Acceptable statuses: the refusal we expect (never a 5xx). */
  expect: number[]
  /** The refusal legitimately comes after reading the workload (e.g. 404 from the cloud): reads allowed, mutations never. */
  mayRead?: boolean
  /** Extra check on the answer (true = as it must be). */
  check?: (res: Response, ctx: AttackContext) => Promise<boolean>
}

export const STOP = 'POST /api/workloads/:kind/:target/:id/stop'
export const DELETE = 'POST /api/workloads/:kind/:target/:id/delete'
export const DETAIL = 'GET /api/workloads/:kind/:target/:id'
export const LIST_KIND = 'GET /api/workloads/:kind'
export const LIST = 'GET /api/workloads'
