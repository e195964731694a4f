import {
  ACCOUNT_AUDIT_ACTIONS,
  WORKLOAD_AUDIT_ACTIONS,
  WORKLOAD_KINDS,
} from '@ops-console/contracts'
import { useCallback } from 'react'
import { DebouncedSearch } from '../../../components/ui/debounced-search.js'
import { controlClass } from '../../../components/ui/field.js'
import { SelectField } from '../../../components/ui/select-field.js'
import { KIND_SINGULAR } from '../../../lib/format.js'
import type { AuditFilters } from '../api/audit-search.js'

const OUTCOMES = ['success', 'failure', 'unknown', 'pending'] as const
const sel = `${controlClass} w-auto`

/** ISO instant ⇄ value of a datetime-local input (local time, minutes). */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}
function fromLocalInput(v: string): string | undefined {
  if (!v) return undefined
  const d = new Date(v)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

export function AuditFiltersBar({
  value,
  onChange,
}: {
  value: AuditFilters
  onChange: (patch: Partial<AuditFilters>) => void
}) {
  const setActor = useCallback((actor: string | undefined) => onChange({ actor }), [onChange])
  const setText = useCallback((q: string | undefined) => onChange({ q }), [onChange])
  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <SelectField
        label="Entries"
        value={value.category ?? ''}
        onChange={(v) => onChange({ category: (v || undefined) as AuditFilters['category'] })}
      >
        <option value="">All entries</option>
        <option value="workload">Workload actions</option>
        <option value="account">Sign-ins and accounts</option>
      </SelectField>
      <DebouncedSearch label="Actor" className="w-40" value={value.actor} onChange={setActor} />
      <SelectField
        label="Kind"
        value={value.kind ?? ''}
        onChange={(v) => onChange({ kind: (v || undefined) as AuditFilters['kind'] })}
      >
        <option value="">Any kind</option>
        {WORKLOAD_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_SINGULAR[k]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Action"
        value={value.action ?? ''}
        onChange={(v) => onChange({ action: (v || undefined) as AuditFilters['action'] })}
      >
        <option value="">Any action</option>
        <optgroup label="Workloads">
          {WORKLOAD_AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </optgroup>
        <optgroup label="Accounts">
          {ACCOUNT_AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <SelectField
        label="Outcome"
        value={value.outcome ?? ''}
        onChange={(v) => onChange({ outcome: (v || undefined) as AuditFilters['outcome'] })}
      >
        <option value="">Any outcome</option>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </SelectField>
      <label className="text-sm">
        <span className="mb-1 block font-medium">From</span>
        <input
          type="datetime-local"
          className={sel}
          value={toLocalInput(value.from)}
          onChange={(e) => onChange({ from: fromLocalInput(e.target.value) })}
        />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium">To</span>
        <input
          type="datetime-local"
          className={sel}
          value={toLocalInput(value.to)}
          onChange={(e) => onChange({ to: fromLocalInput(e.target.value) })}
        />
      </label>
      <DebouncedSearch
        label="Text"
        placeholder="Reason, workload, account, request id…"
        value={value.q}
        onChange={setText}
      />
    </div>
  )
}
