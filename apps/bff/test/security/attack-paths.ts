import { DETAIL, LIST, LIST_KIND, STOP, type AttackCase } from './attack-case.js'

const reason = JSON.stringify({ reason: 'attack suite' })
const uncachedJson = (res: Response) =>
  res.headers.get('cache-control') === 'no-store' &&
  res.headers.get('content-type') === 'application/json; charset=utf-8'
const stopAt =
  (id: string): AttackCase['send'] =>
  (x) =>
    x.send(`/api/workloads/dli-flink-job/${x.target}/${id}/stop`, {
      method: 'POST',
      headers: x.as.operator,
      body: reason,
    })
const stop = (name: string, id: string, expect = [400]): AttackCase => ({
  name,
  route: STOP,
  send: stopAt(id),
  expect,
})

/** Path segments: traversal, encodings, invisible and look-alike characters, huge and wrong-typed ids. */
export const pathCases: AttackCase[] = [
  stop('encoded slash traversal', '..%2f..%2fadmin'),
  stop('encoded dot segment', '%2e%2e'),
  stop('double-encoded dot segment', '%252e%252e'),
  stop('double-encoded slash inside the id', '123%252fstop'),
  stop('encoded backslash', '123%5c..%5c'),
  stop('raw backslash', '123\\..\\x'),
  stop('overlong UTF-8 dots', '%c0%ae%c0%ae'),
  stop('overlong UTF-8 slash', '%c0%af'),
  stop('NUL byte', '123%00'),
  stop('CR/LF header injection', '123%0d%0aSet-Cookie:%20x=1'),
  stop('DEL character', '123%7f'),
  stop('zero-width space', '123%E2%80%8B'),
  stop('right-to-left override', '%E2%80%AE321'),
  stop('non-ASCII letters', 'j%C3%B6b'),
  stop('homoglyph digits (fullwidth)', '%EF%BC%91%EF%BC%92%EF%BC%93'),
  stop('id longer than the contract allows', '9'.repeat(5000)),
  stop('numeric id beyond a DLI long (20 digits)', '9'.repeat(20)),
  stop('negative numeric id', '-1'),
  stop('composite id for a kind that has none', '123:456'),
  {
    name: 'homoglyph target (Cyrillic o)',
    route: STOP,
    expect: [400],
    send: (x) =>
      x.send(
        `/api/workloads/dli-flink-job/${encodeURIComponent(x.target.replace('o', 'о'))}/${x.w.id}/stop`,
        { method: 'POST', headers: x.as.operator, body: reason },
      ),
  },
  {
    name: 'foreign project id as target',
    route: STOP,
    expect: [404],
    send: (x) =>
      x.send(`/api/workloads/dli-flink-job/0123456789abcdef0123456789abcdef/${x.w.id}/stop`, {
        method: 'POST',
        headers: x.as.operator,
        body: reason,
      }),
  },
  {
    name: 'upper-case kind',
    route: STOP,
    expect: [400],
    send: (x) =>
      x.send(`/api/workloads/DLI-flink-job/${x.target}/${x.w.id}/stop`, {
        method: 'POST',
        headers: x.as.operator,
        body: reason,
      }),
  },
  {
    name: 'action in upper case',
    route: STOP,
    expect: [404],
    send: (x) =>
      x.send(`/api/workloads/dli-flink-job/${x.target}/${x.w.id}/STOP`, {
        method: 'POST',
        headers: x.as.operator,
        body: reason,
      }),
  },
  {
    name: 'trailing slash after the action',
    route: STOP,
    expect: [404],
    send: (x) =>
      x.send(`/api/workloads/dli-flink-job/${x.target}/${x.w.id}/stop/`, {
        method: 'POST',
        headers: x.as.operator,
        body: reason,
      }),
  },
  {
    name: 'matrix parameter on the action',
    route: STOP,
    expect: [404],
    send: (x) =>
      x.send(`/api/workloads/dli-flink-job/${x.target}/${x.w.id}/stop;admin=1`, {
        method: 'POST',
        headers: x.as.operator,
        body: reason,
      }),
  },
  {
    name: 'detail of a missing id (valid shape)',
    route: DETAIL,
    expect: [404],
    mayRead: true,
    send: (x) =>
      x.send(`/api/workloads/dli-flink-job/${x.target}/4242424242424242424`, {
        headers: x.as.viewer,
      }),
  },
  {
    name: 'detail with traversal in the target',
    route: DETAIL,
    expect: [400],
    send: (x) =>
      x.send(`/api/workloads/dli-flink-job/..%2f${x.target}/${x.w.id}`, { headers: x.as.viewer }),
  },
  {
    name: 'unknown kind',
    route: LIST_KIND,
    expect: [400],
    send: (x) => x.send('/api/workloads/__proto__', { headers: x.as.viewer }),
  },
  {
    name: 'duplicated limit (second one out of range)',
    route: LIST,
    expect: [400],
    send: (x) => x.send('/api/workloads?limit=1&limit=999999999', { headers: x.as.viewer }),
  },
  {
    name: 'duplicated target (one foreign)',
    route: LIST,
    expect: [400],
    send: (x) =>
      x.send(`/api/workloads?target=${x.target}&target=0123456789abcdef`, { headers: x.as.viewer }),
  },
  {
    name: 'limit as an exponent',
    route: LIST,
    expect: [400],
    send: (x) => x.send('/api/workloads?limit=1e9', { headers: x.as.viewer }),
  },
  {
    name: 'negative offset',
    route: LIST,
    expect: [400],
    send: (x) => x.send('/api/workloads?offset=-1', { headers: x.as.viewer }),
  },
  {
    name: 'sort by __proto__',
    route: LIST,
    expect: [400],
    send: (x) => x.send('/api/workloads?sort=__proto__', { headers: x.as.viewer }),
  },
  {
    name: 'huge search text',
    route: LIST,
    expect: [400],
    send: (x) => x.send(`/api/workloads?q=${'a'.repeat(5000)}`, { headers: x.as.viewer }),
  },
  {
    name: 'matrix parameter glued to /api (anonymous): JSON 404, not cached',
    route: 'GET /api/targets',
    expect: [404],
    send: (x) => x.send('/api;x=1/targets'),
    check: (res) => Promise.resolve(uncachedJson(res)),
  },
  {
    name: 'dot segments that parse to a non-/api path: refused, still not cached',
    route: 'GET /api/targets',
    expect: [400],
    send: (x) => x.send('/api/%2e%2e/targets', { headers: x.as.viewer }),
    check: (res) => Promise.resolve(uncachedJson(res)),
  },
  {
    name: 'target filter with a traversal',
    route: LIST,
    expect: [400],
    send: (x) => x.send('/api/workloads?target=..%2F..%2Fetc', { headers: x.as.viewer }),
  },
]
