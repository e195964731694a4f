import { WORKLOAD_STATES } from '@ops-console/contracts'
import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { DebouncedSearch } from '../../../components/ui/debounced-search.js'
import { inputClass } from '../../../components/ui/field.js'
import { targetQueries } from '../../../lib/targets.js'
import type { ListParams } from '../api/workload-queries.js'

interface FiltersProps {
  value: ListParams
  onChange: (patch: Partial<ListParams>) => void
}

const selectClass = `${inputClass} w-auto`

/** State, target and text filters; the text box writes to the URL after a short pause in typing. */
export function WorkloadFilters({ value, onChange }: FiltersProps) {
  const targets = useQuery(targetQueries.all())
  const setText = useCallback((q: string | undefined) => onChange({ q }), [onChange])

  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <label className="text-sm">
        <span className="mb-1 block font-medium">State</span>
        <select className={selectClass} value={value.state ?? ''} onChange={(e) => onChange({ state: (e.target.value || undefined) as ListParams['state'] })}>
          <option value="">Any state</option>
          <option value="active">Active (running now)</option>
          {WORKLOAD_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium">Target</span>
        <select className={selectClass} value={value.target ?? ''} onChange={(e) => onChange({ target: e.target.value || undefined })}>
          <option value="">All targets</option>
          {(targets.data ?? []).map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
              {t.region ? ` (${t.region})` : ''}
            </option>
          ))}
          {value.target && !targets.data?.some((t) => t.name === value.target) ? <option value={value.target}>{value.target}</option> : null}
        </select>
      </label>
      <DebouncedSearch label="Search" placeholder="Name, id, owner…" value={value.q} onChange={setText} />
    </div>
  )
}
