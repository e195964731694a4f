import type { ServiceName, SimFault } from '../types.js'

interface ActiveFault {
  id: string
  fault: SimFault
  remaining: number
  pathRegex: RegExp | null
}

/** Builds a regex from `path` when it is valid regex source; plain substrings still match via includes(). */
function toRegex(source: string | undefined): RegExp | null {
  if (source === undefined) return null
  try {
    return new RegExp(source)
  } catch {
    return null
  }
}

export class FaultStore {
  private faults: ActiveFault[] = []
  private counter = 0

  add(fault: SimFault): string {
    const id = `fault-${++this.counter}`
    this.faults.push({
      id,
      fault,
      remaining: fault.times ?? Infinity,
      pathRegex: toRegex(fault.path),
    })
    return id
  }

  clear(): void {
    this.faults = []
  }

  list(): { id: string; fault: SimFault; remaining: number | null }[] {
    return this.faults.map((f) => ({
      id: f.id,
      fault: f.fault,
      remaining: Number.isFinite(f.remaining) ? f.remaining : null,
    }))
  }

  /** First matching fault, consuming one of its `times`. */
  take(service: ServiceName | null, method: string, path: string): SimFault | null {
    const hit = this.faults.find((f) => {
      const { fault } = f
      if (fault.service && fault.service !== service) return false
      if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false
      if (fault.path && !path.includes(fault.path) && !f.pathRegex?.test(path)) return false
      return true
    })
    if (!hit) return null
    hit.remaining -= 1
    if (hit.remaining <= 0) this.faults = this.faults.filter((f) => f !== hit)
    return hit.fault
  }
}

export const FAULT_KINDS = [
  'latency',
  'hang',
  'status',
  'rate-limit',
  'reset',
  'malformed-json',
  'redirect',
  'slow-body',
] as const
