import type { Workload } from '@ops-console/contracts'
import { useCallback, useMemo, useState } from 'react'
import { refKey } from '../api/workload-queries.js'

/**
 * Selected workloads by key. The workloads themselves are kept, so a selection survives filter
 * changes (select in one search, add from another, then act on all). Callbacks are stable
 * because rows are memoised.
 */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlyMap<string, Workload>>(new Map())
  const toggle = useCallback((w: Workload) => {
    setSelected((old) => {
      const next = new Map(old)
      const key = refKey(w)
      if (next.has(key)) next.delete(key)
      else next.set(key, w)
      return next
    })
  }, [])
  const addAll = useCallback((ws: Workload[]) => {
    setSelected((old) => new Map([...old, ...ws.map((w) => [refKey(w), w] as const)]))
  }, [])
  const removeAll = useCallback((ws: Workload[]) => {
    setSelected((old) => {
      const next = new Map(old)
      for (const w of ws) next.delete(refKey(w))
      return next
    })
  }, [])
  const clear = useCallback(() => setSelected(new Map()), [])
  return useMemo(
    () => ({ selected, toggle, addAll, removeAll, clear }),
    [selected, toggle, addAll, removeAll, clear],
  )
}
