export interface SseEvent {
  event: string
  data: unknown
}

/** Reads Server-Sent Events from a fetch Response, frame by frame (tests). */
export function sseReader(res: Response) {
  if (!res.body) throw new Error('no body')
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''

  async function next(): Promise<SseEvent | null> {
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end >= 0) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const field = (name: string) =>
          frame
            .split('\n')
            .filter((l) => l.startsWith(`${name}: `))
            .map((l) => l.slice(name.length + 2))
        return { event: field('event')[0] ?? 'message', data: JSON.parse(field('data').join('\n')) }
      }
      const { done, value } = await reader.read()
      if (done) return null
      buffer += decoder.decode(value, { stream: true })
    }
  }

  /** The first event matching `pred` within `timeoutMs`; earlier events are skipped. */
  async function until(pred: (e: SseEvent) => boolean, timeoutMs = 5_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const left = deadline - Date.now()
      if (left <= 0) throw new Error('no matching event in time')
      let timer: NodeJS.Timeout | undefined
      const e = await Promise.race([
        next(),
        new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), left))),
      ]).finally(() => clearTimeout(timer))
      if (e === 'timeout') throw new Error('no matching event in time')
      if (e === null) throw new Error('the stream ended')
      if (pred(e)) return e
    }
  }

  return { next, until, cancel: () => reader.cancel() }
}
