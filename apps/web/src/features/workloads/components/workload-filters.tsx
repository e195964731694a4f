import { WORKLOAD_STATES } from '@ops-console/contracts'
import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { DebouncedSearch } from '../../../components/ui/debounced-search.js'
import { SelectField } from '../../../components/ui/select-field.js'
import { targetQueries } from '../../../lib/targets.js'
import type { ListParams } from '../api/workload-queries.js'

interface FiltersProps {
  value: ListParams
  onChange: (patch: Partial<ListParams>) => void
}

/** State, target and text filters; the text box writes to the URL after a short pause in typing. */
export function WorkloadFilters({ value, onChange }: FiltersProps) {
  const targets = useQuery(targetQueries.all())
  const setText = useCallback((q: string | undefined) => onChange({ q }), [onChange])
  const knownTarget = !value.target || targets.data?.some((t) => t.name === value.target)
  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <SelectField
        label="State"
        value={value.state ?? ''}
        onChange={(v) => onChange({ state: (v || undefined) as ListParams['state'] })}
      >
        <option value="">Any state</option>
        <option value="active">Active (running now)</option>
        {WORKLOAD_STATES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Target"
        value={value.target ?? ''}
        onChange={(v) => onChange({ target: v || undefined })}
      >
        <option value="">All targets</option>
        {(targets.data ?? []).map((t) => (
          <option key={t.name} value={t.name}>
            {t.name} ({t.region})
          </option>
        ))}
        {knownTarget ? null : <option value={value.target}>{value.target}</option>}
      </SelectField>
      <DebouncedSearch
        label="Search"
        placeholder="Name, id, owner…"
        value={value.q}
        onChange={setText}
      />
    </div>
  )
}
