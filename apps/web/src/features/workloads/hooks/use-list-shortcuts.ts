import type { Workload } from '@ops-console/contracts'
import { useEffect, useRef } from 'react'
import { isTypingTarget } from '../../../lib/focus.js'

export interface ListShortcutHandlers {
  items: Workload[]
  /** Index of the row the shortcuts act on (the focused row, else the last one moved to). */
  active: number | null
  moveTo: (index: number) => void
  toggle: (w: Workload) => void
  open: (w: Workload) => void
  stop: (w: Workload) => void
  search: () => void
  help: () => void
}

/** The row around the focused element, if focus is inside a list row or card. */
function focusedIndex(): number | null {
  const row = document.activeElement?.closest<HTMLElement>('[data-index][data-key]')
  const n = row ? Number(row.dataset.index) : NaN
  return Number.isInteger(n) ? n : null
}

/**
 * Row shortcuts of the workload lists: j/k move, x selects, Enter opens, s stops, / searches,
 * ? shows the help sheet. Ignored while typing in a field, with a modifier held, or while a
 * dialog is open (it has its own keys).
 */
export function useListShortcuts(h: ListShortcutHandlers): void {
  const latest = useRef(h)
  useEffect(() => {
    latest.current = h
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return
      if (isTypingTarget(e.target) || document.querySelector('[aria-modal="true"]')) return
      const { items, active, ...on } = latest.current
      const at = focusedIndex() ?? active
      const row = at === null ? undefined : items[at]
      const last = items.length - 1
      const act = (fn: () => void) => {
        e.preventDefault()
        fn()
      }
      if (e.key === 'j' && last >= 0) act(() => on.moveTo(at === null ? 0 : Math.min(at + 1, last)))
      else if (e.key === 'k' && last >= 0)
        act(() => on.moveTo(at === null ? 0 : Math.max(at - 1, 0)))
      else if (e.key === '/') act(on.search)
      else if (e.key === '?') act(on.help)
      else if (!row) return
      else if (e.key === 'x') act(() => on.toggle(row))
      else if (e.key === 's') act(() => on.stop(row))
      // Enter on a button inside the row presses that button; only the row itself opens.
      else if (e.key === 'Enter' && focusedIndex() !== null && isRow(e.target))
        act(() => on.open(row))
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
}

function isRow(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('[data-index][data-key]')
}
