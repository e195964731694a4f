import { Dialog, DialogDone } from '../../../components/ui/dialog.js'

const KEYS: [string, string][] = [
  ['j / k', 'Next / previous workload'],
  ['x', 'Select or unselect the workload'],
  ['Enter', 'Open the workload’s details'],
  ['s', 'Stop the workload'],
  ['/', 'Search'],
  ['?', 'This help'],
  ['Esc', 'Close a dialog'],
  ['Ctrl+Enter or ⌘+Enter', 'Submit a dialog'],
]

/** The "?" sheet: every keyboard shortcut of the workload lists. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        {KEYS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                {keys}
              </kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <DialogDone />
    </Dialog>
  )
}
