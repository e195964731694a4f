import type { ListQuery } from '@ops-console/contracts'

export type SortField = 'name' | 'startedAt' | 'state' | 'target'
export type SortValue = NonNullable<ListQuery['sort']>

/** The BFF's order when the URL names none (list-query.ts): newest first. */
export const DEFAULT_SORT: SortValue = '-startedAt'

/** What a first click on a column means: times newest first, words A→Z. */
const FIRST: Record<SortField, SortValue> = {
  name: 'name',
  state: 'state',
  target: 'target',
  startedAt: '-startedAt',
}

/** The sort a click on `field` asks for, given the current one (undefined = the default). */
export function nextSort(field: SortField, sort: SortValue | undefined): SortValue {
  const current = sort ?? DEFAULT_SORT
  if (current === field) return `-${field}`
  if (current === `-${field}`) return field
  return FIRST[field]
}

/**
 * Column header that toggles the sort and reports it through aria-sort. With no sort in the URL
 * the default column is marked as sorted (it is), with "default" beside it.
 */
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
  const current = sort ?? DEFAULT_SORT
  const active = current === field || current === `-${field}`
  const desc = current === `-${field}`
  const isDefault = active && sort === undefined
  return (
    <th
      scope="col"
      aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'}
      className="px-2 py-2 text-left"
    >
      <button
        type="button"
        className="inline-flex items-center gap-1 font-semibold whitespace-nowrap hover:underline"
        onClick={() => onSort(nextSort(field, sort))}
      >
        {label}
        <span aria-hidden="true" className={active ? '' : 'text-slate-500 dark:text-slate-400'}>
          {active ? (desc ? '▼' : '▲') : '↕'}
        </span>
        {isDefault ? (
          <span className="font-normal text-slate-600 dark:text-slate-300">(default)</span>
        ) : null}
      </button>
    </th>
  )
}
