/**
 * A workload's status as a function of sim time. Transitions are stored as future steps and
 * resolved lazily when read, so a manual clock jump lands exactly on the right status.
 */
export interface Step<S> {
  at: number
  status: S
}
export interface Timeline<S> {
  steps: Step<S>[]
}

export function timeline<S>(initial: S, at: number, ...next: Step<S>[]): Timeline<S> {
  return { steps: [{ at, status: initial }, ...next] }
}

/** The step in force at `now` (the first step if `now` precedes everything). */
export function currentStep<S>(t: Timeline<S>, now: number): Step<S> {
  let found = t.steps[0] as Step<S>
  for (const step of t.steps) {
    if (step.at <= now) found = step
    else break
  }
  return found
}

export function statusAt<S>(t: Timeline<S>, now: number): S {
  return currentStep(t, now).status
}

/** Whether anything is still scheduled after `now`. */
export function hasFuture<S>(t: Timeline<S>, now: number): boolean {
  return t.steps.some((s) => s.at > now)
}

/** Cancels whatever was scheduled after `now` and schedules `next` instead. */
export function reschedule<S>(t: Timeline<S>, now: number, next: Step<S>[]): void {
  t.steps = t.steps.filter((s) => s.at <= now)
  for (const step of next) t.steps.push(step)
}

/** Time the timeline first reached one of `statuses`, if it has by `now`. */
export function reachedAt<S>(t: Timeline<S>, now: number, statuses: readonly S[]): number | null {
  for (const step of t.steps) {
    if (step.at > now) break
    if (statuses.includes(step.status)) return step.at
  }
  return null
}
