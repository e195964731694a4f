import type { BffConfig } from '../lib/config.js'

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${body}$`, 's')
}

/**
 * True when the workload matches a configured protected pattern (optionally limited to one
 * target). Only admins may stop or delete protected workloads.
 */
export function isProtectedWorkload(
  config: Pick<BffConfig, 'protectedWorkloads'>,
  ref: { target: string; name: string },
): boolean {
  return config.protectedWorkloads.some(
    (p) =>
      (p.target === undefined || p.target === ref.target) &&
      globToRegExp(p.namePattern).test(ref.name),
  )
}
