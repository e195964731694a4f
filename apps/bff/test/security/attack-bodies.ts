import { DELETE, STOP, type AttackCase } from './attack-case.js'
import type { AttackContext } from './attack-context.js'

const stopPath = (x: AttackContext) => `/api/workloads/dli-flink-job/${x.target}/${x.w.id}/stop`
const body = (
  name: string,
  raw: string | ((x: AttackContext) => string),
  expect = [400],
  route = STOP,
): AttackCase => ({
  name,
  route,
  expect,
  send: (x) =>
    x.send(
      route === STOP ? stopPath(x) : `/api/workloads/dli-flink-job/${x.target}/${x.w.id}/delete`,
      {
        method: 'POST',
        headers: route === STOP ? x.as.operator : x.as.admin,
        body: typeof raw === 'string' ? raw : raw(x),
      },
    ),
})

/** Bodies: wrong types, unknown fields, prototype pollution, oversized and malformed JSON. */
export const bodyCases: AttackCase[] = [
  body('reason as a number', '{"reason":12345}'),
  body('reason as an array', '{"reason":["a","b","c"]}'),
  body('reason as an object', '{"reason":{"toString":"x"}}'),
  body('missing reason', '{}'),
  body('blank reason', '{"reason":"   "}'),
  body('reason of 100 000 characters', JSON.stringify({ reason: 'x'.repeat(100_000) }), [413]),
  body('reason just over the limit', JSON.stringify({ reason: 'x'.repeat(501) })),
  body('unknown field', '{"reason":"attack suite","role":"admin"}'),
  body('__proto__ member', '{"reason":"attack suite","__proto__":{"role":"admin"}}'),
  body(
    'constructor.prototype member',
    '{"reason":"attack suite","constructor":{"prototype":{"role":"admin"}}}',
  ),
  body('triggerSavepoint as a string', '{"reason":"attack suite","triggerSavepoint":"true"}'),
  body('JSON array instead of an object', '[{"reason":"attack suite"}]'),
  body('JSON null', 'null'),
  body('JSON string', '"attack suite"'),
  body('truncated JSON', '{"reason":"attack'),
  body('deeply nested JSON', `${'['.repeat(20_000)}${']'.repeat(20_000)}`),
  body('empty body', ''),
  body(
    'delete confirmName as a number',
    '{"reason":"attack suite","confirmName":1}',
    [400],
    DELETE,
  ),
  {
    name: 'delete confirmName with a zero-width look-alike of the name',
    route: DELETE,
    expect: [400],
    mayRead: true,
    send: (x) =>
      x.json(
        `/api/workloads/dli-flink-job/${x.target}/${x.stopped.id}/delete`,
        { reason: 'attack suite', confirmName: `${x.stopped.name}\u200b` },
        x.as.admin,
      ),
  },
  {
    name: 'bulk stop with a big id as a JSON number',
    route: 'POST /api/workloads/bulk/stop',
    expect: [400],
    send: (x) =>
      x.send('/api/workloads/bulk/stop', {
        method: 'POST',
        headers: x.as.operator,
        body: `{"reason":"attack suite","items":[{"kind":"dli-flink-job","target":"${x.target}","id":9007199254740993}]}`,
      }),
  },
  {
    name: 'bulk stop with 101 items',
    route: 'POST /api/workloads/bulk/stop',
    expect: [400],
    send: (x) =>
      x.json(
        '/api/workloads/bulk/stop',
        {
          reason: 'attack suite',
          items: Array.from({ length: 101 }, () => ({
            kind: 'dli-flink-job',
            target: x.target,
            id: x.w.id,
          })),
        },
        x.as.operator,
      ),
  },
  {
    name: 'bulk delete by an operator',
    route: 'POST /api/workloads/bulk/delete',
    expect: [403],
    send: (x) =>
      x.json(
        '/api/workloads/bulk/delete',
        {
          reason: 'attack suite',
          items: [{ kind: 'dli-flink-job', target: x.target, id: x.w.id, confirmName: x.w.name }],
        },
        x.as.operator,
      ),
  },
  {
    name: 'script execute with a traversal in the script name',
    route: 'POST /api/scripts/:target/:scriptName/execute',
    expect: [400],
    send: (x) =>
      x.json(
        `/api/scripts/${x.target}/..%2f..%2fjobs/execute`,
        { reason: 'attack suite' },
        x.as.operator,
      ),
  },
  {
    // zod drops `__proto__` keys from records: the run goes ahead without it and nothing is polluted.
    name: 'script execute with a parameter named __proto__',
    route: 'POST /api/scripts/:target/:scriptName/execute',
    expect: [200],
    send: (x) =>
      x.send(`/api/scripts/${x.target}/${x.script}/execute`, {
        method: 'POST',
        headers: x.as.operator,
        body: '{"reason":"attack suite","params":{"__proto__":{"polluted":1}}}',
      }),
    check: (_res, x) =>
      Promise.resolve(
        !('polluted' in {}) && !x.h.mutations().some((r) => r.bodyExcerpt.includes('polluted')),
      ),
  },
  {
    name: 'script register with a colon in the instance id',
    route: 'POST /api/scripts/instances',
    expect: [400],
    send: (x) =>
      x.json(
        '/api/scripts/instances',
        { target: x.target, scriptName: 'a', instanceId: 'b:c' },
        x.as.operator,
      ),
  },
  {
    name: 'login with a 10 000 character user name',
    route: 'POST /api/auth/login',
    expect: [400],
    send: (x) =>
      x.json(
        '/api/auth/login',
        { username: 'u'.repeat(10_000), password: 'x' },
        {
          Origin: 'https://ops.example.test',
          'X-Ops-Console': '1',
          'Content-Type': 'application/json',
        },
      ),
  },
  {
    name: 'login with SQL in the user name',
    route: 'POST /api/auth/login',
    expect: [401],
    send: (x) =>
      x.json(
        '/api/auth/login',
        { username: "admin' OR '1'='1", password: "' OR '1'='1" },
        {
          Origin: 'https://ops.example.test',
          'X-Ops-Console': '1',
          'Content-Type': 'application/json',
        },
      ),
  },
  {
    name: 'password change with a number as the new password',
    route: 'POST /api/auth/password',
    expect: [400],
    send: (x) =>
      x.json(
        '/api/auth/password',
        { currentPassword: 'x', newPassword: 12345678901234 },
        x.as.viewer,
      ),
  },
]
