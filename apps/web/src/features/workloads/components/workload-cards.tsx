import type { Workload } from '@ops-console/contracts'
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useRef, useState } from 'react'
import { refKey } from '../api/workload-queries.js'
import type { WorkloadViewProps } from './workload-view.js'
import { itemProps } from './row-parts.js'
import { WorkloadCard } from './workload-card.js'
import { useFocusRow } from './use-focus-row.js'

const CARD_HEIGHT = 150

/**
 * Narrow screens: one card per workload in a list that scrolls with the page (no nested scroll
 * box on a phone). Virtualised like the table; cards are measured since their heights differ.
 */
export function WorkloadCards(p: WorkloadViewProps) {
  const listRef = useRef<HTMLUListElement | null>(null)
  // Where the list starts in the page: the window virtualiser counts from there.
  const [top, setTop] = useState(0)
  const attach = useCallback((el: HTMLUListElement | null) => {
    listRef.current = el
    if (el) setTop(el.getBoundingClientRect().top + window.scrollY)
  }, [])
  const virtualizer = useWindowVirtualizer({
    count: p.items.length,
    estimateSize: () => CARD_HEIGHT,
    overscan: 6,
    measureElement: (el) => el.getBoundingClientRect().height || CARD_HEIGHT,
    scrollMargin: top,
  })
  useFocusRow(listRef, p.focusRequest, (i) => virtualizer.scrollToIndex(i, { align: 'auto' }))
  const rows = virtualizer.getVirtualItems()
  const margin = top
  const padTop = Math.max(0, (rows[0]?.start ?? margin) - margin)
  const padBottom = virtualizer.getTotalSize() - ((rows[rows.length - 1]?.end ?? margin) - margin)
  const selectAll = p.items.length > 0 && p.items.every((w) => p.selected.has(refKey(w)))
  return (
    <div className="rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      {p.selectable ? (
        <label className="flex items-center gap-2 border-b border-slate-200 p-3 text-sm dark:border-slate-700">
          <input
            type="checkbox"
            className="size-4 accent-teal-700"
            checked={selectAll}
            onChange={() => (selectAll ? p.onDeselectAll(p.items) : p.onSelectAll(p.items))}
          />
          Select all listed
        </label>
      ) : null}
      <ul
        ref={attach}
        aria-label="Workloads"
        style={{ paddingTop: padTop, paddingBottom: Math.max(0, padBottom) }}
      >
        {rows.map((vr) => {
          const w: Workload | undefined = p.items[vr.index]
          if (!w) return null
          const key = refKey(w)
          return (
            <WorkloadCard
              key={key}
              {...itemProps(p, w, key, vr.index)}
              measureRef={virtualizer.measureElement}
            />
          )
        })}
      </ul>
    </div>
  )
}
