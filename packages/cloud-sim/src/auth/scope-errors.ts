import type { SimContext } from '../http.js'
import { serviceError } from '../http.js'
import type { ServiceName } from '../types.js'

/**
 * Scope errors, per service envelope. Codes are our choice (unconfirmed upstream): DLF.6888
 * "invalid account permissions", DLI.0013 "user authentication error", ModelArts.0210 "invalid
 * project ID"; CodeArts uses the wording of its docs with a CB.* code we picked.
 */
const SCOPE_ERRORS: Record<Exclude<ServiceName, 'iam'>, { code: string; message: string }> = {
  dataarts: {
    code: 'DLF.6888',
    message: 'The account does not have permission to access this project.',
  },
  dli: { code: 'DLI.0013', message: 'The token is not scoped to the project in the request URL.' },
  modelarts: {
    code: 'ModelArts.0210',
    message: 'Invalid project ID: the token is not scoped to this project.',
  },
  codearts: {
    code: 'CB.00060403',
    message:
      'Global tenant tokens are not supported. Use a region-level token whose scope is project.',
  },
}

export function scopeError(c: SimContext, service: Exclude<ServiceName, 'iam'>): Response {
  const e = SCOPE_ERRORS[service]
  return serviceError(c, service, 403, e.code, e.message)
}
