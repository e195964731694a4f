import type { FetchLike } from '../src/types.js'

export interface RecordedCall {
  url: string
  method: string
  headers: Record<string, string>
  body: string | null
  redirect: RequestInit['redirect']
}

export type Responder = (call: RecordedCall, index: number) => Response | Promise<Response>

/** A fetch that records requests and answers from `responders` in order (the last one repeats). */
export function fakeFetch(...responders: Responder[]): FetchLike & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = []
  const fn = async (input: string, init: RequestInit) => {
    const call: RecordedCall = {
      url: input,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? init.body : null,
      redirect: init.redirect,
    }
    calls.push(call)
    const responder = responders[Math.min(calls.length - 1, responders.length - 1)]
    if (!responder) throw new Error('no responder')
    return responder(call, calls.length - 1)
  }
  return Object.assign(fn, { calls })
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}
