import type { CloudClient } from '../client.js'
import type { CloudError, ServiceName } from '../errors.js'

/**
 * - `ok`: reachable, authenticated and allowed to list;
 * - `unreachable`: no HTTP answer (DNS, connection, TLS, timeout) or refused locally;
 * - `unauthenticated`: the gateway or IAM rejected the credentials (401);
 * - `forbidden`: authenticated, but not allowed to list this service (403, or a documented
 *   permission code);
 * - `error`: any other answer (a service error, an unreadable body, a redirect);
 * - `skipped`: not tried after an authentication failure (see checkConnection);
 * - `not-configured`: no endpoint in this region, or no CodeArts project id.
 */
export type CheckOutcome =
  'ok' | 'unreachable' | 'unauthenticated' | 'forbidden' | 'error' | 'skipped' | 'not-configured'

/** The result for one service of one target. Holds no credential, token or signature. */
export interface ServiceCheck {
  service: ServiceName
  /** Base URL called (null: none for this region). */
  endpoint: string | null
  /** The read-only operation used. */
  operation: string | null
  outcome: CheckOutcome
  /** null where not tried. */
  reachable: boolean | null
  authenticated: boolean | null
  allowed: boolean | null
  latencyMs: number | null
  status: number | null
  /** The cloud's error code (`APIGW.0301`, `DLF.6888`, IAM codes as text). */
  code: string | null
  requestId: string | null
  /** The cloud's message, or why nothing was tried; a remark on success. */
  message: string | null
}

/** Codes documented as "no permission" although their status is not 403 (cloud-api.md §2.13, §5.8). */
const PERMISSION_CODES = new Set([
  'DLF.6888',
  'ModelArts.0210',
  'CB.00060403',
  'APIGW.0302',
  'APIG.0302',
])

const NO_ANSWER = new Set(['network', 'timeout', 'config', 'circuit-open', 'bulkhead-full'])

export function classify(
  base: Pick<ServiceCheck, 'service' | 'endpoint' | 'operation'>,
  error: CloudError,
  latencyMs: number,
): ServiceCheck {
  const common = {
    ...base,
    latencyMs,
    status: error.status,
    code: error.code,
    requestId: error.requestId,
    message: error.message,
  }
  if (NO_ANSWER.has(error.kind))
    return {
      ...common,
      outcome: 'unreachable',
      reachable: false,
      authenticated: null,
      allowed: null,
    }
  if (error.status === 401)
    return {
      ...common,
      outcome: 'unauthenticated',
      reachable: true,
      authenticated: false,
      allowed: null,
    }
  if (error.status === 403 || (error.code !== null && PERMISSION_CODES.has(error.code)))
    return { ...common, outcome: 'forbidden', reachable: true, authenticated: true, allowed: false }
  // A service error past the gateway still proves the credentials; a 5xx or 3xx does not.
  const authenticated =
    error.kind === 'http' && error.status !== null && error.status < 500 ? true : null
  return { ...common, outcome: 'error', reachable: true, authenticated, allowed: false }
}

/** Why the remaining services are not tried after an authentication failure. */
export function lockoutRisk(client: CloudClient): string {
  return client.tokenProvider
    ? 'not tried: the credentials were refused; further attempts would count towards the IAM lock'
    : 'not tried: the signature was refused; 5 failed signatures lock the AK for 5 minutes'
}
