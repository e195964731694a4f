import { STOP, DELETE, LIST, type AttackCase } from './attack-case.js'
import type { AttackContext } from './attack-context.js'

/**
 * Free text that must never be accepted: forged log lines, terminal escapes, bidi tricks,
 * invisible characters and broken UTF-16. Each entry found its way into a real product once.
 */
export const HOSTILE_TEXT: readonly { name: string; text: string }[] = [
  { name: 'CR/LF forging a log line', text: 'stop it\r\nFAKE LOG LINE level=error' },
  { name: 'bare LF', text: 'incident\nrm -rf' },
  { name: 'ANSI colour escape', text: '\u001b[31mincident 42\u001b[0m' },
  { name: 'ANSI cursor movement (hides text)', text: 'incident\u001b[2K\u001b[1Aapproved' },
  { name: 'NUL byte', text: 'incident\u0000 42' },
  { name: 'TAB', text: 'incident\t42' },
  { name: 'backspace', text: 'incident 42\b\b\b\b' },
  { name: 'DEL', text: 'incident\u007f42' },
  { name: 'C1 next line (NEL)', text: 'incident\u0085FAKE' },
  { name: 'C1 control sequence introducer', text: 'incident \u009b31m' },
  { name: 'right-to-left override', text: 'incident \u202e24 tnedicni' },
  { name: 'left-to-right embedding', text: 'incident \u202a42\u202c' },
  { name: 'bidi isolate', text: 'incident \u2066x\u2069 42' },
  { name: 'zero-width space', text: 'inci\u200bdent 42' },
  { name: 'zero-width joiner', text: 'inci\u200ddent 42' },
  { name: 'right-to-left mark', text: 'incident\u200f 42' },
  { name: 'byte-order mark', text: '\ufeffincident 42' },
  { name: 'line separator', text: 'incident\u2028FAKE' },
  { name: 'paragraph separator', text: 'incident\u2029FAKE' },
  { name: 'soft hyphen', text: 'inci\u00addent 42' },
  { name: 'Arabic letter mark', text: 'incident \u061c42' },
  { name: 'invisible Unicode tag characters', text: 'incident 42\u{e0069}\u{e0067}' },
  { name: 'lone high surrogate', text: 'incident \ud800 42' },
  { name: 'lone low surrogate', text: 'incident \udc00 42' },
]

const ANON = {
  Origin: 'https://ops.example.test',
  'X-Ops-Console': '1',
  'Content-Type': 'application/json',
}

/** A hostile text placed in one field of one route; `field` is the key `fields` must name. */
export interface TextTarget {
  route: string
  field: string
  send(x: AttackContext, text: string): Promise<Response>
}

export const TEXT_TARGETS: readonly TextTarget[] = [
  {
    route: STOP,
    field: 'reason',
    send: (x, text) =>
      x.json(
        `/api/workloads/dli-flink-job/${x.target}/${x.w.id}/stop`,
        { reason: text },
        x.as.operator,
      ),
  },
  {
    route: DELETE,
    field: 'reason',
    send: (x, text) =>
      x.json(
        `/api/workloads/dli-flink-job/${x.target}/${x.stopped.id}/delete`,
        { reason: text, confirmName: x.stopped.name },
        x.as.admin,
      ),
  },
  {
    route: DELETE,
    field: 'confirmName',
    send: (x, text) =>
      x.json(
        `/api/workloads/dli-flink-job/${x.target}/${x.stopped.id}/delete`,
        { reason: 'attack suite', confirmName: `${x.stopped.name}${text}` },
        x.as.admin,
      ),
  },
  {
    route: 'POST /api/workloads/bulk/stop',
    field: 'reason',
    send: (x, text) =>
      x.json(
        '/api/workloads/bulk/stop',
        { reason: text, items: [{ kind: x.w.kind, target: x.target, id: x.w.id }] },
        x.as.operator,
      ),
  },
  {
    route: 'POST /api/workloads/bulk/delete',
    field: 'items.0.confirmName',
    send: (x, text) =>
      x.json(
        '/api/workloads/bulk/delete',
        {
          reason: 'attack suite',
          items: [{ kind: x.stopped.kind, target: x.target, id: x.stopped.id, confirmName: text }],
        },
        x.as.admin,
      ),
  },
  {
    route: 'POST /api/scripts/:target/:scriptName/execute',
    field: 'reason',
    send: (x, text) =>
      x.json(`/api/scripts/${x.target}/${x.script}/execute`, { reason: text }, x.as.operator),
  },
  {
    route: 'POST /api/scripts/:target/:scriptName/execute',
    field: 'params.day',
    send: (x, text) =>
      x.json(
        `/api/scripts/${x.target}/${x.script}/execute`,
        { reason: 'attack suite', params: { day: text } },
        x.as.operator,
      ),
  },
  {
    route: 'POST /api/auth/login',
    field: 'username',
    send: (x, text) => x.json('/api/auth/login', { username: `admin${text}`, password: 'x' }, ANON),
  },
  {
    route: LIST,
    field: 'q',
    send: (x, text) =>
      x.send(`/api/workloads?q=${encodeURIComponent(text)}`, { headers: x.as.viewer }),
  },
  {
    route: 'GET /api/audit',
    field: 'actor',
    send: (x, text) =>
      x.send(`/api/audit?actor=${encodeURIComponent(text)}`, { headers: x.as.viewer }),
  },
]

/** Every corpus entry against the stop reason, and one entry against every other free-text field. */
export const textCases: AttackCase[] = [
  ...HOSTILE_TEXT.map(({ name, text }) => textCase(TEXT_TARGETS[0] as TextTarget, name, text)),
  ...TEXT_TARGETS.slice(1).map((t, i) => {
    const sample = HOSTILE_TEXT[(i * 5) % HOSTILE_TEXT.length] as (typeof HOSTILE_TEXT)[number]
    return textCase(t, sample.name, sample.text)
  }),
]

function textCase(t: TextTarget, name: string, text: string): AttackCase {
  return {
    name: `${t.field} of ${t.route}: ${name}`,
    route: t.route,
    expect: [400],
    send: (x) => t.send(x, text),
    check: async (res) => {
      const body = (await res.json()) as { error?: { fields?: Record<string, string> } }
      return typeof body.error?.fields?.[t.field] === 'string'
    },
  }
}
