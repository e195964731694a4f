import type { WorkloadState } from '@ops-console/contracts'
import { lookupState } from '../../status-table.js'

/** cloud-api.md §5: integer status of tasks and versions. */
export const PROCESSOR_VERSION_STATES: Readonly<Record<string, WorkloadState>> = {
  '0': 'pending', // initialized
  '1': 'running',
  '2': 'succeeded', // completed
  '3': 'failed',
  '4': 'stopped',
}

export function mapProcessorVersionStatus(raw: number | string | null | undefined): WorkloadState {
  return lookupState(PROCESSOR_VERSION_STATES, raw)
}
