import { revealHiddenCharacters, type AuditEntry } from '@ops-console/contracts'
import type { ReactNode } from 'react'
import { Dialog } from '../../../components/ui/dialog.js'
import { InertText } from '../../../components/ui/inert-text.js'
import { formatDateTime, formatDuration, KIND_SINGULAR } from '../../../lib/format.js'
import { OutcomeBadge } from './outcome-badge.js'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-all">{children ?? '—'}</dd>
    </>
  )
}

/** Intent, outcome, observed final state, time-to-stop and every request id of one entry. */
export function AuditDetail({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const o = entry.outcome
  return (
    <Dialog
      open
      wide
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`${entry.action} · ${revealHiddenCharacters(entry.workloadName)}`}
    >
      <h3 className="mb-1 text-sm font-semibold">Intent</h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <Row label="At">{formatDateTime(entry.at)}</Row>
        <Row label="Actor">
          <InertText text={entry.actor} /> ({entry.role})
        </Row>
        <Row label="Workload">
          {KIND_SINGULAR[entry.kind]} <InertText text={entry.workloadName} /> in {entry.target}
        </Row>
        <Row label="Workload id">
          <span className="font-mono">{entry.workloadId}</span>
        </Row>
        <Row label="State before">{entry.stateBefore}</Row>
        <Row label="Reason">
          <InertText text={entry.reason} />
        </Row>
        <Row label="Options">
          {Object.keys(entry.options).length ? (
            <InertText text={JSON.stringify(entry.options)} />
          ) : null}
        </Row>
        <Row label="Source">
          {entry.sourceIp ?? '—'} · <InertText text={entry.userAgent ?? '—'} />
        </Row>
        <Row label="Request id">
          <span className="font-mono">{entry.requestId}</span>
        </Row>
      </dl>
      <h3 className="mt-4 mb-1 text-sm font-semibold">Outcome</h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <Row label="Outcome">
          <OutcomeBadge entry={entry} />
        </Row>
        <Row label="Final state">{entry.finalState}</Row>
        <Row label="Time to stop">
          {entry.timeToStopMs === null ? null : formatDuration(entry.timeToStopMs)}
        </Row>
        {o ? (
          <>
            <Row label="Recorded">
              {formatDateTime(o.at)} by {o.source}
            </Row>
            <Row label="HTTP status">{o.httpStatus}</Row>
            <Row label="Cloud code">{o.cloudCode ? <InertText text={o.cloudCode} /> : null}</Row>
            <Row label="Cloud message">
              {o.cloudMessage ? <InertText text={o.cloudMessage} /> : null}
            </Row>
            <Row label="Cloud request id">
              <span className="font-mono">{o.upstreamRequestId ?? '—'}</span>
            </Row>
            <Row label="Duration">{formatDuration(o.durationMs)}</Row>
          </>
        ) : null}
      </dl>
    </Dialog>
  )
}
