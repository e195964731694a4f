import {
  revealHiddenCharacters,
  type AccountAuditEntry,
  type AuditEntry,
  type WorkloadAuditEntry,
} from '@ops-console/contracts'
import type { ReactNode } from 'react'
import { Dialog } from '../../../components/ui/dialog.js'
import { InertText } from '../../../components/ui/inert-text.js'
import { formatDateTime, formatDuration, KIND_SINGULAR } from '../../../lib/format.js'
import { detailsText } from './entry-cells.js'
import { OutcomeBadge } from './outcome-badge.js'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="break-all">{children ?? '—'}</dd>
    </>
  )
}

const grid = 'grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm'
const mono = (v: string | null | undefined) => <span className="font-mono">{v ?? '—'}</span>

/** Who, when and from where: the same for both kinds of entry. */
function Origin({ entry }: { entry: AuditEntry }) {
  return (
    <>
      <Row label="At">{formatDateTime(entry.at)}</Row>
      <Row label="Actor">
        <InertText text={entry.actor} />
        {entry.role ? ` (${entry.role})` : ''}
      </Row>
      <Row label="Source">
        {entry.sourceIp ?? '—'} · <InertText text={entry.userAgent ?? '—'} />
      </Row>
      <Row label="Request id">{mono(entry.requestId)}</Row>
    </>
  )
}

function ActionDetail({ entry }: { entry: WorkloadAuditEntry }) {
  const o = entry.outcome
  return (
    <>
      <h3 className="mb-1 text-sm font-semibold">Intent</h3>
      <dl className={grid}>
        <Origin entry={entry} />
        <Row label="Workload">
          {KIND_SINGULAR[entry.kind]} <InertText text={entry.workloadName} /> in {entry.target}
        </Row>
        <Row label="Workload id">{mono(entry.workloadId)}</Row>
        <Row label="State before">{entry.stateBefore}</Row>
        <Row label="Reason">
          <InertText text={entry.reason} />
        </Row>
        <Row label="Options">
          {Object.keys(entry.options).length ? (
            <InertText text={JSON.stringify(entry.options)} />
          ) : null}
        </Row>
      </dl>
      <h3 className="mt-4 mb-1 text-sm font-semibold">Outcome</h3>
      <dl className={grid}>
        <Row label="Outcome">
          <OutcomeBadge entry={entry} />
        </Row>
        <Row label="HTTP status">{entry.httpStatus}</Row>
        <Row label="Cloud request id">{mono(entry.upstreamRequestId)}</Row>
        <Row label="Final state">{entry.finalState}</Row>
        <Row label="Time to stop">
          {entry.timeToStopMs === null ? null : formatDuration(entry.timeToStopMs)}
        </Row>
        {o ? (
          <>
            <Row label="Recorded">
              {formatDateTime(o.at)} by {o.source}
            </Row>
            <Row label="Cloud code">{o.cloudCode}</Row>
            <Row label="Cloud message">
              <InertText text={o.cloudMessage} />
            </Row>
            <Row label="Duration">{formatDuration(o.durationMs)}</Row>
          </>
        ) : null}
      </dl>
    </>
  )
}

function EventDetail({ entry }: { entry: AccountAuditEntry }) {
  return (
    <dl className={grid}>
      <Origin entry={entry} />
      <Row label="Via">{entry.via}</Row>
      <Row label="Account">
        <InertText text={entry.subject} />
      </Row>
      <Row label="Outcome">
        <OutcomeBadge entry={entry} />
      </Row>
      <Row label="Details">
        <InertText text={detailsText(entry.details)} />
      </Row>
    </dl>
  )
}

/** Everything one entry recorded: intent and outcome with every request id, or an account event. */
export function AuditDetail({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const subject = entry.type === 'event' ? (entry.subject ?? entry.actor) : entry.workloadName
  return (
    <Dialog
      open
      wide
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`${entry.action} · ${revealHiddenCharacters(subject)}`}
    >
      {entry.type === 'event' ? <EventDetail entry={entry} /> : <ActionDetail entry={entry} />}
    </Dialog>
  )
}
