import {
  WORKLOAD_KINDS,
  type LastAction,
  type SessionUser,
  type SourceStatus,
  type WorkloadChanges,
  type WorkloadKind,
} from '@ops-console/contracts'
import { workloadKey } from '../../audit/types.js'
import type { WorkloadServiceDeps } from '../service-deps.js'
import type { CloudTarget } from '../types.js'
import { present } from '../workload-reads.js'
import type { SourceResult } from '../fan-out.js'
import { SourcePoller, type LiveWorkload, type PollListener } from './source-poller.js'

export const DEFAULT_STREAM_TIMING = { pollMs: 5_000, fastPollMs: 1_500, heartbeatMs: 15_000 }
export type StreamTiming = typeof DEFAULT_STREAM_TIMING

export interface StreamSink {
  /** Actions in the rows depend on the subscriber's role. */
  workloads(changes: WorkloadChanges): void
  source(status: SourceStatus): void
  /** The service is shutting down: end the stream. */
  end(): void
}

export interface StreamFilter {
  kind?: WorkloadKind | undefined
  target?: string | undefined
}

/**
 * Live workload changes: one shared poller per (target, kind) feeds every subscriber of it.
 * `readSource` is the reads' cached fan-out, so polls and page loads coalesce with each other.
 */
export function createWorkloadStream(
  deps: WorkloadServiceDeps,
  readSource: (target: CloudTarget, kind: WorkloadKind, maxAgeMs: number) => Promise<SourceResult>,
) {
  const timing: StreamTiming = { ...DEFAULT_STREAM_TIMING, ...deps.stream }
  const pollers = new Map<string, SourcePoller>()
  const sinks = new Set<StreamSink>()
  let pollsOfStopped = 0

  const withLastActions = async (result: SourceResult) => {
    const items = result.items
    const last =
      items.length === 0 ? new Map<string, LastAction>() : await deps.ledger.lastActions(items)
    const live: LiveWorkload[] = items.map((o) => ({
      ...o,
      lastAction: last.get(workloadKey(o)) ?? null,
    }))
    return { status: result.status, items: live }
  }

  const pollerFor = (target: CloudTarget, kind: WorkloadKind): SourcePoller => {
    const key = `${target.name}|${kind}`
    let poller = pollers.get(key)
    if (!poller) {
      // A poll accepts a listing up to half an interval old (a viewer's page load just made one).
      const maxAge = Math.floor(timing.fastPollMs / 2)
      poller = new SourcePoller(
        target.name,
        kind,
        async () => withLastActions(await readSource(target, kind, maxAge)),
        timing,
        (err) => deps.log.warn({ err, source: key }, 'workload stream: poll failed'),
      )
      pollers.set(key, poller)
    }
    return poller
  }

  /** The (target, kind) sources a filter covers; an unknown target covers none. */
  const sources = (filter: StreamFilter): { target: CloudTarget; kind: WorkloadKind }[] => {
    const kinds = filter.kind ? [filter.kind] : WORKLOAD_KINDS
    return deps.targets
      .filter((t) => !filter.target || t.name === filter.target)
      .flatMap((t) =>
        kinds.filter((k) => deps.adapters[k].appliesTo(t)).map((k) => ({ target: t, kind: k })),
      )
  }

  return {
    timing,
    sources: (filter: StreamFilter) =>
      sources(filter).map(({ target, kind }) => ({ target: target.name, kind })),

    /** Starts delivering changes of the filtered sources to `sink`; call the result to leave. */
    subscribe(user: SessionUser, filter: StreamFilter, sink: StreamSink): () => void {
      const listener: PollListener = {
        changes: (c) =>
          sink.workloads({
            ...c,
            changed: c.changed.map((w) => ({
              ...present(deps, w, user),
              lastAction: w.lastAction,
            })),
          }),
        source: (s) => sink.source(s),
      }
      const joined = sources(filter).map(({ target, kind }) => {
        const poller = pollerFor(target, kind)
        poller.add(listener)
        return poller
      })
      sinks.add(sink)
      let left = false
      return () => {
        if (left) return
        left = true
        sinks.delete(sink)
        for (const p of joined) {
          if (!p.remove(listener)) continue
          pollers.delete(`${p.target}|${p.kind}`)
          pollsOfStopped += p.polls
        }
      }
    },

    /** Running pollers, connected subscribers and polls made so far (tests, metrics). */
    stats() {
      const running = [...pollers.values()]
      return {
        pollers: running.length,
        subscribers: sinks.size,
        polls: pollsOfStopped + running.reduce((n, p) => n + p.polls, 0),
      }
    },

    /** Shutdown: stops every poller and ends every stream. */
    close(): void {
      for (const p of pollers.values()) p.stop()
      pollers.clear()
      for (const s of [...sinks]) s.end()
      sinks.clear()
    },
  }
}

export type WorkloadStream = ReturnType<typeof createWorkloadStream>
