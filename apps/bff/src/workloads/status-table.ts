import type { WorkloadState } from '@ops-console/contracts'

/**
 * Looks a raw cloud status up in a kind's mapping table. Anything the table does not know
 * (a new or undocumented value) is 'unknown' rather than a guess, so no action is offered on it.
 */
export function lookupState(
  table: Readonly<Record<string, WorkloadState>>,
  raw: string | number | null | undefined,
): WorkloadState {
  if (raw === null || raw === undefined) return 'unknown'
  const key = String(raw)
  return Object.hasOwn(table, key) ? (table[key] ?? 'unknown') : 'unknown'
}
