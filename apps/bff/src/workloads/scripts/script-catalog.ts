import type { ScriptList, ScriptSummary, SourceStatus } from '@ops-console/contracts'
import type { Clock } from '../../lib/clock.js'
import { describeUpstreamError } from '../cloud-errors.js'
import type { CloudTarget } from '../types.js'

export interface ScriptCatalogDeps {
  targets: readonly CloudTarget[]
  clock: Clock
  /** Deadline per target listing (same budget as a workload source). */
  timeoutMs: number
}

async function listTarget(
  deps: ScriptCatalogDeps,
  target: CloudTarget,
): Promise<{ items: ScriptSummary[]; status: SourceStatus }> {
  const base = { target: target.name, kind: 'dataarts-script-instance' as const }
  // AbortSignal.timeout aborts with a TimeoutError: the client counts it against the breaker.
  const signal = AbortSignal.timeout(deps.timeoutMs)
  try {
    const { data } = await target.client.dataarts.listAllScripts({}, { signal })
    const items = data.items.map((s) => ({
      target: target.name,
      name: s.name,
      type: s.type ?? null,
      directory: s.directory ?? null,
      description: s.description ?? null,
    }))
    const fetchedAt = deps.clock.now().toISOString()
    return { items, status: { ...base, ok: true, count: items.length, fetchedAt } }
  } catch (err) {
    const f = describeUpstreamError(err)
    const error = {
      code: f.code,
      message: f.message,
      ...(f.cloudCode ? { cloudCode: f.cloudCode } : {}),
      ...(f.requestId ? { requestId: f.requestId } : {}),
    }
    const fetchedAt = deps.clock.now().toISOString()
    return { items: [], status: { ...base, ok: false, count: 0, error, fetchedAt } }
  }
}

/**
 * The script picker's data: every DataArts script per target (name, type), so users pick what
 * to execute instead of typing a name. Content and connection details are left out on purpose.
 */
export type ScriptCatalog = (query: { target?: string | undefined }) => Promise<ScriptList>

export function createScriptCatalog(deps: ScriptCatalogDeps): ScriptCatalog {
  return async (query) => {
    const targets = query.target
      ? deps.targets.filter((t) => t.name === query.target)
      : deps.targets
    const results = await Promise.all(targets.map((t) => listTarget(deps, t)))
    const items = results
      .flatMap((r) => r.items)
      .sort((a, b) => a.target.localeCompare(b.target) || a.name.localeCompare(b.name))
    return { items, sources: results.map((r) => r.status) }
  }
}
