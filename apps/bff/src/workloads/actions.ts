import {
  hasRole,
  type ActionAvailability,
  type Role,
  type Workload,
  type WorkloadAction,
  type WorkloadKind,
  type WorkloadState,
} from '@ops-console/contracts'

export interface ActionInputs {
  kind: WorkloadKind
  state: WorkloadState
  role: Role
  isProtected: boolean
  /** Set when the kind has no such operation upstream; a clause saying why (no leading capital). */
  deleteUnsupported?: string
  /** Kind-specific refusal for this workload's raw status (e.g. DLI refuses stop while savepointing). */
  stopBlocked?: string
}

/** What the operator calls one workload of this kind, for reasons such as "the build is running". */
export const KIND_NOUN: Record<WorkloadKind, string> = {
  'dataarts-job': 'job',
  'dataarts-script-instance': 'script instance',
  'codearts-build': 'build',
  'dli-flink-job': 'job',
  'modelarts-processor-version': 'version',
}

const VERB: Record<WorkloadAction, string> = { stop: 'Stop', delete: 'Delete' }

type Blocked = Partial<Record<WorkloadState, (noun: string) => string>>

const STOP_BLOCKED: Blocked = {
  pending: (n) => `the ${n} is still starting; stop it once it runs`,
  stopping: () => 'a stop is already in progress',
  deleting: (n) => `the ${n} is being deleted`,
  stopped: (n) => `the ${n} is already stopped`,
  succeeded: (n) => `the ${n} has already finished`,
  failed: (n) => `the ${n} has already ended (failed)`,
  unknown: (n) => `the state of the ${n} is unknown; refresh and try again`,
}

/** Delete is offered only once nothing runs any more: a running workload must be stopped first. */
const DELETE_BLOCKED: Blocked = {
  pending: (n) => `the ${n} is starting; stop it before deleting it`,
  running: (n) => `the ${n} is running; stop it before deleting it`,
  stopping: (n) => `a stop is in progress; wait until the ${n} has stopped`,
  deleting: (n) => `the ${n} is already being deleted`,
  unknown: (n) => `the state of the ${n} is unknown; refresh and try again`,
}

/**
 * Reasons are whole sentences that start with the verb ("Stop is not possible: the job is
 * already stopped"): the web shows them as they are, in tooltips, bulk lists and errors.
 */
function decide(
  action: WorkloadAction,
  unsupported: string | undefined,
  blocked: string | undefined,
  inp: ActionInputs,
): ActionAvailability {
  const verb = VERB[action]
  const needed: Role = action === 'delete' ? 'admin' : 'operator'
  if (unsupported) return { allowed: false, reason: `${verb} is not possible: ${unsupported}` }
  if (!hasRole(inp.role, needed))
    return { allowed: false, reason: `${verb} requires the ${needed} role` }
  // Protected patterns (config) reserve the workload for admins, whatever the action.
  if (inp.isProtected && inp.role !== 'admin')
    return {
      allowed: false,
      reason: `${verb} is reserved for admins: this ${KIND_NOUN[inp.kind]} is protected`,
    }
  if (blocked) return { allowed: false, reason: `${verb} is not possible: ${blocked}` }
  return { allowed: true }
}

/** Whether stop/delete are offered now to this user, each with a reason when not. */
export function computeActions(inp: ActionInputs): Workload['actions'] {
  const noun = KIND_NOUN[inp.kind]
  return {
    stop: decide('stop', undefined, inp.stopBlocked ?? STOP_BLOCKED[inp.state]?.(noun), inp),
    delete: decide('delete', inp.deleteUnsupported, DELETE_BLOCKED[inp.state]?.(noun), inp),
  }
}
