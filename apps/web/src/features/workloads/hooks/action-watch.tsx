import type { WorkloadAction } from '@ops-console/contracts'
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { useToast } from '../../../components/ui/toaster.js'
import { refKey } from '../api/workload-queries.js'
import { BatchResultsDialog } from '../components/batch-results-dialog.js'
import { isSettled, summarizeBatch, type Batch, type BatchItem } from './batch-summary.js'
import type { Outcome } from './outcome.js'
import { WatchOne, type WatchEntry } from './watch-one.js'

export { LIVE_SAFETY_POLL_MS, TRANSITION_POLL_MS } from './watch-one.js'

type WatchInput = Omit<WatchEntry, 'since' | 'batchId'>
interface ActionWatch {
  /** Follows one accepted action; its outcome gets a toast of its own. */
  watch: (entry: WatchInput) => void
  /** Follows a bulk action's accepted items; one toast sums up the batch when all have settled. */
  watchBatch: (action: WorkloadAction, items: (BatchItem & { intentAt?: string })[]) => void
  watching: number
  /** Accepted actions still in flight, by workload key. */
  pending: ReadonlyMap<string, WorkloadAction>
}

const ActionWatchContext = createContext<ActionWatch>({
  watch: () => undefined,
  watchBatch: () => undefined,
  watching: 0,
  pending: new Map(),
})

export function useActionWatch(): ActionWatch {
  return use(ActionWatchContext)
}

/** Batches kept for "Show results" (the newest few; older toasts are long gone). */
const KEEP_BATCHES = 10
let nextBatchId = 1

export function ActionWatchProvider({ children }: { children: ReactNode }) {
  const notify = useToast()
  const [entries, setEntries] = useState<ReadonlyMap<string, WatchEntry>>(new Map())
  const [batches, setBatches] = useState<readonly Batch[]>([])
  const [shown, setShown] = useState<number | null>(null)
  const announced = useRef(new Set<number>())

  const add = useCallback((list: WatchEntry[]) => {
    setEntries((old) => new Map([...old, ...list.map((e) => [refKey(e.ref), e] as const)]))
  }, [])
  const watch = useCallback((e: WatchInput) => add([{ ...e, since: Date.now() }]), [add])
  const watchBatch = useCallback<ActionWatch['watchBatch']>(
    (action, items) => {
      const id = nextBatchId++
      const batch = { id, action, items: items.map(({ intentAt: _, ...i }) => i) }
      setBatches((old) => [...old.slice(1 - KEEP_BATCHES), batch])
      const since = Date.now()
      add(items.filter((i) => i.status === 'waiting').map((i) => ({ ...i, since, batchId: id })))
    },
    [add],
  )
  const done = useCallback(
    (entry: WatchEntry, outcome: Extract<Outcome, { done: true }>) => {
      const key = refKey(entry.ref)
      setEntries((old) => {
        const next = new Map(old)
        next.delete(key)
        return next
      })
      if (entry.batchId === undefined) {
        notify({ tone: outcome.tone, title: outcome.title, body: outcome.body })
        return
      }
      const settle = (i: BatchItem): BatchItem =>
        refKey(i.ref) === key ? { ...i, status: outcome.result, detail: outcome.title } : i
      setBatches((old) =>
        old.map((b) => (b.id === entry.batchId ? { ...b, items: b.items.map(settle) } : b)),
      )
    },
    [notify],
  )

  // One summary toast per batch, once every item has settled.
  useEffect(() => {
    for (const b of batches) {
      if (announced.current.has(b.id) || !isSettled(b)) continue
      announced.current.add(b.id)
      notify({ ...summarizeBatch(b), action: { label: 'Show results', run: () => setShown(b.id) } })
    }
  }, [batches, notify])

  const value = useMemo(() => {
    const pending = new Map([...entries].map(([key, e]) => [key, e.action] as const))
    return { watch, watchBatch, watching: entries.size, pending }
  }, [watch, watchBatch, entries])
  const shownBatch = batches.find((b) => b.id === shown)
  return (
    <ActionWatchContext value={value}>
      {children}
      {[...entries.entries()].map(([key, entry]) => (
        <WatchOne key={key} entry={entry} onDone={done} />
      ))}
      {shownBatch ? <BatchResultsDialog batch={shownBatch} onClose={() => setShown(null)} /> : null}
    </ActionWatchContext>
  )
}
