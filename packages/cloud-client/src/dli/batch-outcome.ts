import { isCloudError } from '../errors.js'
import type { DliBatchElement } from './schemas.js'

export type DliBatchAction = 'stop' | 'delete' | 'run'

/** Outcome for one requested job of a batch call, in request order. */
export interface DliBatchItem {
  jobId: string
  /** True only for `outcome: 'accepted'`. */
  ok: boolean
  /**
   * `accepted`: the answer (or the re-read) shows the request took; `refused`: the answer carried
   * an error for it, or the re-read found no such job; `unknown`: nothing says either way (it may
   * still apply) — treat like a timeout, not like a failure.
   */
  outcome: 'accepted' | 'refused' | 'unknown'
  code: string | null
  message: string | null
  /** `answer`: from the element at this id's position; `reread`: the answer did not cover every id. */
  source: 'answer' | 'reread'
  /** With `source: 'reread'`: the status read back (null: the job was not found or not read). */
  observedStatus?: string | null
}

/**
 * Batch answers carry no job ids, so elements can only be matched by position, and only when
 * there is one element per requested id (the documented run example: four ids, four elements).
 * The documented stop and delete examples answer two ids with ONE element; such an answer, or
 * any other count, says nothing certain about a particular job — null: re-read every job.
 */
export function mapByPosition(
  ids: readonly string[],
  elements: readonly DliBatchElement[],
): DliBatchItem[] | null {
  if (elements.length !== ids.length) return null
  return ids.map((jobId, i) => {
    const e = elements[i] as DliBatchElement
    const code = e.error_code ?? null
    const accepted = code === null && e.is_success !== false
    return {
      jobId,
      ok: accepted,
      outcome: accepted ? 'accepted' : 'refused',
      code,
      message: e.error_msg ?? e.message ?? null,
      source: 'answer',
    }
  })
}

/** Statuses that show the action took (cloud-api.md §4.1 enum). */
const TOOK_EFFECT: Record<DliBatchAction, readonly string[]> = {
  stop: ['job_canceling', 'job_cancel_success'],
  run: ['job_submitting', 'job_running', 'job_downloading'],
  delete: [],
}
/** Documented not-found codes of the detail call (§4.2, §4.7). */
const NOT_FOUND = new Set(['DLI.16001', 'DLI.0002'])

/** Re-reads each job of a batch the answer did not map, and marks it from what the read shows. */
export async function markByRereading(
  ids: readonly string[],
  action: DliBatchAction,
  readStatus: (id: string) => Promise<string>,
): Promise<DliBatchItem[]> {
  const base = 'not mentioned in the batch answer'
  const mark = async (jobId: string): Promise<DliBatchItem> => {
    const item = { jobId, code: null, source: 'reread' as const }
    try {
      const status = await readStatus(jobId)
      const took = TOOK_EFFECT[action].includes(status)
      return {
        ...item,
        ok: took,
        outcome: took ? 'accepted' : 'unknown',
        message: `${base}; re-read shows ${status}`,
        observedStatus: status,
      }
    } catch (error) {
      const gone =
        isCloudError(error) &&
        error.kind === 'http' &&
        (error.status === 404 || (error.code !== null && NOT_FOUND.has(error.code)))
      if (!gone)
        return { ...item, ok: false, outcome: 'unknown', message: `${base}; re-read failed` }
      const deleted = action === 'delete'
      return {
        ...item,
        ok: deleted,
        outcome: deleted ? 'accepted' : 'refused',
        code: deleted || !isCloudError(error) ? null : error.code,
        message: `${base}; re-read finds no such job`,
        observedStatus: null,
      }
    }
  }
  // Four reads at a time: a batch is at most a page of jobs, and reads must not crowd out others.
  const items: DliBatchItem[] = []
  for (let i = 0; i < ids.length; i += 4)
    items.push(...(await Promise.all(ids.slice(i, i + 4).map(mark))))
  return items
}
