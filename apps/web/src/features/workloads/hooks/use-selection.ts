import { useCallback, useMemo, useState } from 'react'

/** A set of row keys with stable callbacks (rows are memoised, so identity matters). */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const toggle = useCallback((key: string) => {
    setSelected((old) => {
      const next = new Set(old)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })
  }, [])
  const setAll = useCallback((keys: string[]) => setSelected(new Set(keys)), [])
  const clear = useCallback(() => setSelected(new Set()), [])
  return useMemo(() => ({ selected, toggle, setAll, clear }), [selected, toggle, setAll, clear])
}
