import { useEffect, useRef, type RefObject } from 'react'

/** A request to move focus to row `index`; `seq` changes with every request (j, k, j …). */
export interface FocusRequest {
  index: number
  seq: number
}

const rowAt = (container: HTMLElement | null, index: number) =>
  container?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null

/**
 * Scrolls row `index` into the virtualised window and focuses it once it is rendered (which may
 * take a render after the scroll). Rows carry `data-index`. When the focused row leaves the
 * list (it stopped and the filter is "running"), focus moves to the row now at its place
 * instead of falling back to <body>.
 */
export function useFocusRow(
  container: RefObject<HTMLElement | null>,
  request: FocusRequest | null,
  scrollTo: (index: number) => void,
): void {
  const wanted = useRef<number | null>(null)
  // Index of the row focus was last in; cleared when focus leaves the list on its own.
  const inside = useRef<number | null>(null)
  const seq = request?.seq
  useEffect(() => {
    if (!request) return
    wanted.current = request.index
    scrollTo(request.index)
    // Only a new request moves focus; re-renders must not steal it back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq])
  useEffect(() => {
    const el = container.current
    if (!el) return
    const onIn = (e: FocusEvent) => {
      const row = (e.target as Element).closest<HTMLElement>('[data-index]')
      inside.current = row ? Number(row.dataset.index) : null
    }
    // A removed element gets no focusout, so `inside` survives exactly that case.
    const onOut = (e: FocusEvent) => {
      if (!el.contains(e.relatedTarget as Node | null)) inside.current = null
    }
    el.addEventListener('focusin', onIn)
    el.addEventListener('focusout', onOut)
    return () => {
      el.removeEventListener('focusin', onIn)
      el.removeEventListener('focusout', onOut)
    }
  }, [container])
  useEffect(() => {
    if (
      wanted.current === null &&
      inside.current !== null &&
      document.activeElement === document.body
    ) {
      const rows = container.current?.querySelectorAll<HTMLElement>('[data-index]') ?? []
      const last = rows.length ? Number(rows[rows.length - 1]?.dataset.index) : null
      if (last !== null) wanted.current = Math.min(inside.current, last)
    }
    if (wanted.current === null) return
    const row = rowAt(container.current, wanted.current)
    if (!row) return
    wanted.current = null
    row.focus()
  })
}
