import type { Workload } from '@ops-console/contracts'
import { useCallback, useState, type RefObject } from 'react'
import { useToast } from '../../../components/ui/toaster.js'
import type { FocusRequest } from '../components/use-focus-row.js'
import { subjectName } from './outcome.js'
import { useListShortcuts } from './use-list-shortcuts.js'

interface RowKeyboard {
  focusRequest: FocusRequest | null
  helpOpen: boolean
  closeHelp: () => void
}

/** Wires the list shortcuts to a page: focus moves, selection, open, stop, search and help. */
export function useRowKeyboard(opts: {
  items: Workload[]
  root: RefObject<HTMLElement | null>
  toggle: (w: Workload) => void
  open: (w: Workload) => void
  stop: (w: Workload) => void
}): RowKeyboard {
  const notify = useToast()
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const moveTo = useCallback(
    (index: number) => setFocusRequest((r) => ({ index, seq: (r?.seq ?? 0) + 1 })),
    [],
  )
  useListShortcuts({
    items: opts.items,
    active: focusRequest?.index ?? null,
    moveTo,
    toggle: opts.toggle,
    open: opts.open,
    // A refused stop says why instead of doing nothing.
    stop: (w) =>
      w.actions.stop.allowed
        ? opts.stop(w)
        : notify({
            tone: 'info',
            title: w.actions.stop.reason ?? 'Stop is not possible',
            body: `${subjectName(w)} in target ${w.target}.`,
          }),
    search: () => opts.root.current?.querySelector<HTMLElement>('input[type=search]')?.focus(),
    help: () => setHelpOpen(true),
  })
  return { focusRequest, helpOpen, closeHelp: () => setHelpOpen(false) }
}
