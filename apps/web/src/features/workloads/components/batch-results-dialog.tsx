import { Dialog, DialogDone } from '../../../components/ui/dialog.js'
import { capitalize, KIND_SINGULAR } from '../../../lib/format.js'
import { refKey } from '../api/workload-queries.js'
import { summarizeBatch, type Batch, type BatchItemStatus } from '../hooks/batch-summary.js'

const STATUS: Record<BatchItemStatus, { text: string; tone: string }> = {
  waiting: { text: 'not confirmed yet', tone: 'text-amber-800 dark:text-amber-300' },
  done: { text: 'done', tone: 'text-emerald-800 dark:text-emerald-300' },
  failed: { text: 'failed', tone: 'text-red-800 dark:text-red-300' },
  refused: { text: 'refused', tone: 'text-red-800 dark:text-red-300' },
  unconfirmed: { text: 'not confirmed', tone: 'text-amber-800 dark:text-amber-300' },
  skipped: { text: 'skipped', tone: 'text-slate-600 dark:text-slate-300' },
}

/** The per-item outcomes behind a bulk action's summary toast ("Show results"). */
export function BatchResultsDialog({ batch, onClose }: { batch: Batch; onClose: () => void }) {
  const summary = summarizeBatch(batch)
  return (
    <Dialog
      open
      wide
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={summary.title}
      description={summary.body}
    >
      <ul
        aria-label="Results per workload"
        className="max-h-96 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
      >
        {batch.items.map((i) => (
          <li key={refKey(i.ref)} className="p-2 text-sm">
            <span className="font-medium break-all">{i.name}</span>{' '}
            <span className={`font-semibold ${STATUS[i.status].tone}`}>
              {STATUS[i.status].text}
            </span>
            <span className="block text-xs text-slate-600 dark:text-slate-300">
              {capitalize(KIND_SINGULAR[i.kind])} · {i.target}
              {i.detail ? ` · ${i.detail}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <DialogDone />
    </Dialog>
  )
}
