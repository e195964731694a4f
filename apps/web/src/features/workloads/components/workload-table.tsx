import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef } from 'react'
import { refKey } from '../api/workload-queries.js'
import { KIND_COLUMNS } from './kind-columns.js'
import { itemProps } from './row-parts.js'
import { SortHeader } from './sort-header.js'
import { useFocusRow } from './use-focus-row.js'
import type { WorkloadViewProps } from './workload-view.js'
import { WorkloadRow } from './workload-row.js'

const ROW_HEIGHT = 57

/**
 * Virtualised table: only the visible rows (plus overscan) are in the DOM, so 10,000 workloads
 * scroll smoothly. Spacer rows keep real table semantics for assistive tech and role locators.
 */
export function WorkloadTable(p: WorkloadViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const extraColumns = KIND_COLUMNS[p.scope]
  const showKind = p.scope === 'all'
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: p.items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rows are measured (a last action wraps); no layout (jsdom) means the estimate.
    measureElement: (el) => el.getBoundingClientRect().height || ROW_HEIGHT,
    // Used until the element is measured (and in jsdom, where nothing has a size).
    initialRect: { width: 1200, height: 800 },
  })
  useFocusRow(scrollRef, p.focusRequest, (i) => virtualizer.scrollToIndex(i, { align: 'auto' }))
  const rows = virtualizer.getVirtualItems()
  const padTop = rows[0]?.start ?? 0
  const padBottom = virtualizer.getTotalSize() - (rows[rows.length - 1]?.end ?? 0)
  const colCount = 6 + (p.selectable ? 1 : 0) + (showKind ? 1 : 0) + extraColumns.length
  // O(n) over all rows: computed when the rows or the selection change, not on every scroll frame.
  const allSelected = useMemo(
    () => p.items.length > 0 && p.items.every((w) => p.selected.has(refKey(w))),
    [p.items, p.selected],
  )

  return (
    <div
      ref={scrollRef}
      className="max-h-[calc(100vh-14rem)] min-h-64 overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <table className="w-full border-collapse text-sm" aria-rowcount={p.items.length + 1}>
        <thead className="sticky top-0 z-10 bg-slate-100 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            {p.selectable ? (
              <th scope="col" className="w-8 px-2 py-2">
                <input
                  type="checkbox"
                  className="size-4 accent-teal-700"
                  aria-label="Select all listed"
                  checked={allSelected}
                  onChange={() => (allSelected ? p.onDeselectAll(p.items) : p.onSelectAll(p.items))}
                />
              </th>
            ) : null}
            <SortHeader field="name" label="Name" sort={p.sort} onSort={p.onSort} />
            {showKind ? (
              <th scope="col" className="px-2 py-2 text-left font-semibold">
                Kind
              </th>
            ) : null}
            {extraColumns.map((c) => (
              <th key={c.label} scope="col" className="px-2 py-2 text-left font-semibold">
                {c.label}
              </th>
            ))}
            <SortHeader field="state" label="State" sort={p.sort} onSort={p.onSort} />
            <SortHeader field="target" label="Target" sort={p.sort} onSort={p.onSort} />
            <SortHeader field="startedAt" label="Started" sort={p.sort} onSort={p.onSort} />
            <th scope="col" className="px-2 py-2 text-left font-semibold">
              Last action
            </th>
            <th
              scope="col"
              className="sticky right-0 bg-slate-100 px-2 py-2 text-left dark:bg-slate-800"
            >
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={colCount} style={{ height: padTop }} />
            </tr>
          ) : null}
          {rows.map((vr) => {
            const w = p.items[vr.index]
            if (!w) return null
            const key = refKey(w)
            return (
              <WorkloadRow
                key={key}
                {...itemProps(p, w, key, vr.index)}
                measureRef={virtualizer.measureElement}
                showKind={showKind}
                extraColumns={extraColumns}
              />
            )
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={colCount} style={{ height: padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  )
}
