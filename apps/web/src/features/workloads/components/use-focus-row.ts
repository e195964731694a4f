import { useEffect, useRef, type RefObject } from 'react'

/** A request to move focus to row `index`; `seq` changes with every request (j, k, j …). */
export interface FocusRequest {
  index: number
  seq: number
}

/**
 * Scrolls row `index` into the virtualised window and focuses it once it is rendered (which may
 * take a render after the scroll). Rows carry `data-index`.
 */
export function useFocusRow(
  container: RefObject<HTMLElement | null>,
  request: FocusRequest | null,
  scrollTo: (index: number) => void,
): void {
  const wanted = useRef<number | null>(null)
  const seq = request?.seq
  useEffect(() => {
    if (!request) return
    wanted.current = request.index
    scrollTo(request.index)
    // Only a new request moves focus; re-renders must not steal it back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq])
  useEffect(() => {
    if (wanted.current === null) return
    const row = container.current?.querySelector<HTMLElement>(`[data-index="${wanted.current}"]`)
    if (!row) return
    wanted.current = null
    row.focus()
  })
}
