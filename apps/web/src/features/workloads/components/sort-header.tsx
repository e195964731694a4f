import type { ListQuery } from '@ops-console/contracts'

export type SortField = 'name' | 'startedAt' | 'state' | 'target'
export type SortValue = NonNullable<ListQuery['sort']>

/** Column header that toggles ascending → descending sort and reports it through aria-sort. */
export function SortHeader({
  field,
  label,
  sort,
  onSort,
}: {
  field: SortField
  label: string
  sort: SortValue | undefined
  onSort: (s: SortValue) => void
}) {
  const active = sort === field || sort === `-${field}`
  const desc = sort === `-${field}`
  const next: SortValue = active && !desc ? `-${field}` : field
  return (
    <th
      scope="col"
      aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'}
      className="px-2.5 py-2 text-left"
    >
      <button
        type="button"
        className="inline-flex items-center gap-1 font-semibold hover:underline"
        onClick={() => onSort(next)}
      >
        {label}
        <span aria-hidden="true" className="text-slate-400">
          {active ? (desc ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  )
}
