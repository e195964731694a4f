import { TRANSITIONAL_STATES, type Workload, type WorkloadAction } from '@ops-console/contracts'
import { useCallback, useMemo, useRef, useState } from 'react'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { Loading, PageHeader } from '../../../components/ui/states.js'
import { count, formatNumber, WORKLOADS } from '../../../lib/count.js'
import { KIND_LABELS } from '../../../lib/format.js'
import { useLiveMode } from '../../../lib/live-mode.js'
import { parseRefKey, refKey, type ListParams, type ListScope } from '../api/workload-queries.js'
import type { WorkloadSearch } from '../api/workload-search.js'
import { useActionWatch } from '../hooks/action-watch.js'
import { useHeld } from '../hooks/use-held.js'
import { useNow } from '../hooks/use-now.js'
import { useRowKeyboard } from '../hooks/use-row-keyboard.js'
import { useSelection } from '../hooks/use-selection.js'
import { useWorkloadList } from '../hooks/use-workload-list.js'
import { ActionDialogs, type PendingAction } from './action-dialogs.js'
import { BulkBar } from './bulk-bar.js'
import { RefreshStatus } from './refresh-status.js'
import { ShortcutHelp } from './shortcut-help.js'
import { SourceErrors } from './source-errors.js'
import { WorkloadDetailPanel } from './workload-detail-panel.js'
import { WorkloadFilters } from './workload-filters.js'
import { WorkloadView } from './workload-view.js'
import { WorkloadsEmpty } from './workloads-empty.js'

interface WorkloadsPageProps {
  scope: ListScope
  search: WorkloadSearch
  onSearchChange: (patch: Partial<WorkloadSearch>) => void
}

function pageTitle(scope: ListScope, state: ListParams['state']): string {
  if (scope !== 'all') return KIND_LABELS[scope]
  return state === 'active' ? 'Running now' : 'All workloads'
}

/** The row of `w` (or, for a bulk action, the page heading) once the opening button is gone. */
function rowElement(root: HTMLElement | null, w: Workload | null): HTMLElement | null {
  if (!root) return null
  const row = w ? root.querySelector<HTMLElement>(`[data-key="${CSS.escape(refKey(w))}"]`) : null
  return row ?? root.querySelector<HTMLElement>('h1')
}

export function WorkloadsPage({ scope, search, onSearchChange }: WorkloadsPageProps) {
  const params: ListParams = {
    state: search.state,
    target: search.target,
    q: search.q,
    sort: search.sort,
  }
  const root = useRef<HTMLDivElement>(null)
  const [paused, setPaused] = useState(false)
  const list = useWorkloadList(scope, params, paused)
  const now = useNow()
  const selection = useSelection()
  const { pending: pendingActions } = useActionWatch()
  const [pending, setPending] = useState<PendingAction | null>(null)
  const live = useLiveMode() === 'live'
  const [data, takeData] = useHeld(
    list.data,
    paused,
    JSON.stringify([scope, params]),
    list.isSuccess && !list.isPlaceholderData,
  )
  const items = useMemo(() => data?.items ?? [], [data])
  const selectable = items.some((w) => w.actions.stop.allowed || w.actions.delete.allowed)
  // Selected rows, refreshed with the latest data when they are still listed.
  const selectedItems = useMemo(() => {
    const latest = new Map(items.map((w) => [refKey(w), w]))
    return [...selection.selected.entries()].map(([key, w]) => latest.get(key) ?? w)
  }, [items, selection.selected])
  const openRef = parseRefKey(search.open)

  const onAction = useCallback(
    (workload: Workload, action: WorkloadAction) =>
      setPending({ kind: 'single', workload, action }),
    [],
  )
  const onOpen = useCallback((key: string) => onSearchChange({ open: key }), [onSearchChange])
  const keys = useRowKeyboard({
    items,
    root,
    toggle: (w) => (w.actions.stop.allowed || w.actions.delete.allowed) && selection.toggle(w),
    open: (w) => onOpen(refKey(w)),
    stop: (w) => onAction(w, 'stop'),
  })
  const moving = items.some((w) => TRANSITIONAL_STATES.includes(w.state))

  return (
    <div ref={root}>
      <PageHeader title={pageTitle(scope, search.state)}>
        <RefreshStatus
          updatedAt={list.dataUpdatedAt}
          now={now}
          paused={paused}
          fetching={list.isFetching}
          fast={moving}
          live={live}
          onTogglePause={() => setPaused((p) => !p)}
          onRefresh={() => void list.refetch().then((r) => takeData(r.data))}
        />
      </PageHeader>
      <div className="mb-4">
        <WorkloadFilters value={params} onChange={onSearchChange} />
      </div>
      {data ? <SourceErrors sources={data.sources} /> : null}
      {list.isError ? (
        <ErrorPanel
          error={list.error}
          title={data ? 'Refresh failed; showing the last loaded data' : 'Could not load workloads'}
          onRetry={() => void list.refetch()}
        />
      ) : null}
      {list.isPending ? <Loading label="Loading workloads…" /> : null}
      {data ? (
        <>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-300">
            <span>
              {items.length === data.total
                ? count(items.length, WORKLOADS)
                : `Showing ${formatNumber(items.length)} of ${count(data.total, WORKLOADS)}`}
              <span className="hidden lg:inline"> · press ? for keyboard shortcuts</span>
            </span>
            <BulkBar
              count={selectedItems.length}
              onAction={(action) => setPending({ kind: 'bulk', workloads: selectedItems, action })}
              onClear={selection.clear}
            />
          </div>
          {items.length === 0 ? (
            <WorkloadsEmpty
              scope={scope}
              params={params}
              onClear={() => onSearchChange({ state: undefined, target: undefined, q: undefined })}
            />
          ) : (
            <WorkloadView
              scope={scope}
              items={items}
              sort={search.sort}
              onSort={(sort) => onSearchChange({ sort })}
              selectable={selectable}
              selected={selection.selected}
              onToggle={selection.toggle}
              onSelectAll={selection.addAll}
              onDeselectAll={selection.removeAll}
              onOpen={onOpen}
              onAction={onAction}
              pending={pendingActions}
              now={now}
              focusRequest={keys.focusRequest}
            />
          )}
        </>
      ) : null}
      {openRef ? (
        <WorkloadDetailPanel
          workloadRef={openRef}
          onClose={() => onSearchChange({ open: undefined })}
          onAction={(w, action) => {
            // A deleted workload's detail would only 404: close the panel before deleting.
            if (action === 'delete') onSearchChange({ open: undefined })
            onAction(w, action)
          }}
        />
      ) : null}
      <ActionDialogs
        pending={pending}
        onClose={() => setPending(null)}
        onBulkSubmitted={selection.clear}
        returnFocusTo={(w) => rowElement(root.current, w)}
      />
      {keys.helpOpen ? <ShortcutHelp onClose={keys.closeHelp} /> : null}
    </div>
  )
}
