import type { AccountAuditEntry, AuditEntry } from '@ops-console/contracts'

const COLUMNS = [
  'at',
  'id',
  'action',
  'actor',
  'role',
  'kind',
  'target',
  'workloadId',
  'workloadName',
  'reason',
  'stateBefore',
  'outcome',
  'outcomeAt',
  'httpStatus',
  'cloudCode',
  'cloudMessage',
  'finalState',
  'timeToStopMs',
  'requestId',
  'upstreamRequestId',
  'sourceIp',
  'userAgent',
  'type',
  'subject',
  'via',
  'details',
] as const

/** RFC 4180 quoting, plus a leading `'` on cells a spreadsheet would run as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let s = typeof value === 'string' ? value : JSON.stringify(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export const CSV_HEADER = `${COLUMNS.join(',')}\r\n`

type CsvRow = Partial<Record<(typeof COLUMNS)[number], unknown>>

function eventRow(e: AccountAuditEntry): CsvRow {
  return {
    at: e.at,
    id: e.id,
    action: e.action,
    actor: e.actor,
    role: e.role,
    outcome: e.outcome,
    requestId: e.requestId,
    sourceIp: e.sourceIp,
    userAgent: e.userAgent,
    type: e.type,
    subject: e.subject,
    via: e.via,
    details: Object.keys(e.details).length ? e.details : null,
  }
}

/** CSV rows (no header), each ending in CRLF. */
export function csvRows(entries: AuditEntry[]): string {
  const lines: string[] = []
  for (const e of entries) {
    const row: CsvRow =
      e.type === 'event'
        ? eventRow(e)
        : {
            at: e.at,
            id: e.id,
            action: e.action,
            actor: e.actor,
            role: e.role,
            kind: e.kind,
            target: e.target,
            workloadId: e.workloadId,
            workloadName: e.workloadName,
            reason: e.reason,
            stateBefore: e.stateBefore,
            outcome: e.outcome?.outcome ?? 'pending',
            outcomeAt: e.outcome?.at,
            httpStatus: e.httpStatus,
            cloudCode: e.outcome?.cloudCode,
            cloudMessage: e.outcome?.cloudMessage,
            finalState: e.finalState,
            timeToStopMs: e.timeToStopMs,
            requestId: e.requestId,
            upstreamRequestId: e.upstreamRequestId,
            sourceIp: e.sourceIp,
            userAgent: e.userAgent,
            type: e.type,
          }
    lines.push(`${COLUMNS.map((c) => csvCell(row[c])).join(',')}\r\n`)
  }
  return lines.join('')
}
