/** A controllable EventSource for tests: `FakeEventSource.instances` are the ones opened so far. */
export class FakeEventSource extends EventTarget {
  static instances: FakeEventSource[] = []
  static latest(): FakeEventSource {
    const es = FakeEventSource.instances.at(-1)
    if (!es) throw new Error('no EventSource was opened')
    return es
  }
  static reset(): void {
    FakeEventSource.instances = []
  }

  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSED = 2
  readyState = 0
  onerror: ((e: Event) => void) | null = null

  constructor(readonly url: string) {
    super()
    FakeEventSource.instances.push(this)
  }

  /** Delivers `event: type` with `data` as JSON (or a raw string). */
  emit(type: string, data: unknown): void {
    this.readyState = 1
    this.dispatchEvent(
      new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data) }),
    )
  }

  fail(): void {
    this.dispatchEvent(new Event('error'))
  }

  close(): void {
    this.readyState = 2
  }

  get closed(): boolean {
    return this.readyState === 2
  }
}

export const READY = {
  sources: [{ target: 'prod-eu', kind: 'dli-flink-job' }],
  pollMs: 5000,
  fastPollMs: 1500,
  heartbeatMs: 15000,
}
