import type { WorkloadKind } from './workload.js'

/**
 * Per-kind workload ids (the `:id` of `/api/workloads/:kind/:target/:id`), parsed the same way by
 * the web (links, `?open=`) and the BFF (before any upstream call). Formats follow
 * /work/shared/cloud-api.md; where it is silent the rule is the tolerant reading noted beside it.
 */
export type ParsedWorkloadId =
  | { kind: 'dataarts-job'; jobName: string }
  | { kind: 'dataarts-script-instance'; scriptName: string; instanceId: string }
  | { kind: 'codearts-build'; jobId: string; buildNo: number }
  | { kind: 'dli-flink-job'; jobId: string }
  | { kind: 'modelarts-processor-version'; taskId: string; versionId: string }

/**
 * DLF job names. The docs allow letters, digits, `_`, `-` and `.` up to 128 characters; a dot
 * cannot travel in our path segments (WORKLOAD_ID_PATTERN), so such jobs are not addressable here.
 */
export const DATAARTS_JOB_NAME_PATTERN = /^[A-Za-z0-9_-]{1,128}$/
/** DLF script names (the register form and the execute route use it too). */
export const SCRIPT_NAME_PATTERN = /^[A-Za-z0-9_-]{1,128}$/
/**
 * Script instance ids come from the execute answer as opaque strings (cloud-api.md §2.10 gives no
 * format; the simulator returns UUID-like ones): letters, digits, `_` and `-`.
 */
export const SCRIPT_INSTANCE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/
/** CodeArts build task ids: 32 characters `[0-9a-z]` (cloud-api.md §3). */
export const CODEARTS_JOB_ID_PATTERN = /^[0-9a-z]{32}$/
/** ModelArts task/version ids: undocumented (unconfirmed); real and simulated ones are short alphanumerics. */
export const MODELARTS_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

/** A Java `int` build number: 1 … 2147483647, decimal, no leading zeros (cloud-api.md §3: starts at 1). */
const MAX_BUILD_NO = 2_147_483_647
/** DLI `job_id` is a Java `long`: decimal, no sign, no leading zeros, not 0 (cloud-api.md §4.1). */
const MAX_LONG = 9_223_372_036_854_775_807n
const POSITIVE_DECIMAL = /^[1-9]\d*$/

function splitPair(id: string): [string, string] | null {
  const parts = id.split(':')
  return parts.length === 2 ? (parts as [string, string]) : null
}

export function parseDliJobId(id: string): string | null {
  return POSITIVE_DECIMAL.test(id) && id.length <= 19 && BigInt(id) <= MAX_LONG ? id : null
}

export function parseBuildNo(text: string): number | null {
  if (!POSITIVE_DECIMAL.test(text) || text.length > 10) return null
  const n = Number(text)
  return n <= MAX_BUILD_NO ? n : null
}

/** `{jobId}:{buildNo}` */
export function parseCodeArtsBuildId(id: string): { jobId: string; buildNo: number } | null {
  const pair = splitPair(id)
  if (!pair || !CODEARTS_JOB_ID_PATTERN.test(pair[0])) return null
  const buildNo = parseBuildNo(pair[1])
  return buildNo === null ? null : { jobId: pair[0], buildNo }
}

/** `{scriptName}:{instanceId}` */
export function parseScriptInstanceId(
  id: string,
): { scriptName: string; instanceId: string } | null {
  const pair = splitPair(id)
  return pair && SCRIPT_NAME_PATTERN.test(pair[0]) && SCRIPT_INSTANCE_ID_PATTERN.test(pair[1])
    ? { scriptName: pair[0], instanceId: pair[1] }
    : null
}

/** `{taskId}:{versionId}` */
export function parseModelArtsVersionId(id: string): { taskId: string; versionId: string } | null {
  const pair = splitPair(id)
  return pair && MODELARTS_ID_PATTERN.test(pair[0]) && MODELARTS_ID_PATTERN.test(pair[1])
    ? { taskId: pair[0], versionId: pair[1] }
    : null
}

/** The id split into its typed parts, or null when it is not a well-formed id of `kind`. */
export function parseWorkloadId(kind: WorkloadKind, id: string): ParsedWorkloadId | null {
  switch (kind) {
    case 'dataarts-job':
      return DATAARTS_JOB_NAME_PATTERN.test(id) ? { kind, jobName: id } : null
    case 'dataarts-script-instance': {
      const p = parseScriptInstanceId(id)
      return p ? { kind, ...p } : null
    }
    case 'codearts-build': {
      const p = parseCodeArtsBuildId(id)
      return p ? { kind, ...p } : null
    }
    case 'dli-flink-job': {
      const jobId = parseDliJobId(id)
      return jobId ? { kind, jobId } : null
    }
    case 'modelarts-processor-version': {
      const p = parseModelArtsVersionId(id)
      return p ? { kind, ...p } : null
    }
  }
}

/** What a well-formed id of each kind looks like, for the 400 message. */
export const WORKLOAD_ID_FORMATS: Record<WorkloadKind, string> = {
  'dataarts-job': 'a DataArts job name (letters, digits, _ and -, at most 128)',
  'dataarts-script-instance': '{scriptName}:{instanceId}',
  'codearts-build':
    '{jobId}:{buildNo} with a 32-character [0-9a-z] job id and a build number 1–2147483647',
  'dli-flink-job': 'a DLI job id (a positive decimal long without leading zeros)',
  'modelarts-processor-version': '{taskId}:{versionId}',
}
