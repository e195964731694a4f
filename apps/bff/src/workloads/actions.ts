import {
  hasRole,
  type ActionAvailability,
  type Role,
  type Workload,
  type WorkloadState,
} from '@ops-console/contracts'

export interface ActionInputs {
  state: WorkloadState
  role: Role
  isProtected: boolean
  /** Set when the kind has no such operation upstream; the text says why. */
  deleteUnsupported?: string
  /** Kind-specific refusal for this workload's raw status (e.g. DLI refuses stop while savepointing). */
  stopBlocked?: string
}

const STOP_BLOCKED: Partial<Record<WorkloadState, string>> = {
  pending: 'it is still starting; stop it once it runs',
  stopping: 'a stop is already in progress',
  deleting: 'it is being deleted',
  stopped: 'it is already stopped',
  succeeded: 'it has already finished',
  failed: 'it has already ended (failed)',
  unknown: 'its state is unknown; refresh and try again',
}

/** Delete is offered only once nothing runs any more: a running workload must be stopped first. */
const DELETE_BLOCKED: Partial<Record<WorkloadState, string>> = {
  pending: 'it is starting; stop it before deleting',
  running: 'it is running; stop it before deleting',
  stopping: 'a stop is in progress; wait until it has stopped',
  deleting: 'it is already being deleted',
  unknown: 'its state is unknown; refresh and try again',
}

function decide(
  needed: Role,
  unsupported: string | undefined,
  blocked: string | undefined,
  inp: ActionInputs,
): ActionAvailability {
  if (unsupported) return { allowed: false, reason: unsupported }
  if (!hasRole(inp.role, needed)) return { allowed: false, reason: `requires ${needed} role` }
  // Protected patterns (config) reserve the workload for admins, whatever the action.
  if (inp.isProtected && inp.role !== 'admin')
    return { allowed: false, reason: 'protected workload: only an admin may do this' }
  if (blocked) return { allowed: false, reason: `not possible because ${blocked}` }
  return { allowed: true }
}

/** Whether stop/delete are offered now to this user, each with a reason when not. */
export function computeActions(inp: ActionInputs): Workload['actions'] {
  return {
    stop: decide('operator', undefined, inp.stopBlocked ?? STOP_BLOCKED[inp.state], inp),
    delete: decide('admin', inp.deleteUnsupported, DELETE_BLOCKED[inp.state], inp),
  }
}
