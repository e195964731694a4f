/**
 * The process's place in its own life, as readiness reports it. Draining starts at SIGTERM: from
 * then on `/readyz` answers 503 so load balancers stop routing here, while the listener keeps
 * serving until the shutdown closes it (graceful-shutdown.ts).
 */
export interface Lifecycle {
  readonly draining: boolean
  startDraining(): void
}

export function createLifecycle(): Lifecycle {
  let draining = false
  return {
    get draining() {
      return draining
    },
    startDraining() {
      draining = true
    },
  }
}
