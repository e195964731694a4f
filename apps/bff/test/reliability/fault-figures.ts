import { printCanaryFigures } from '../security/canaries.js'

/** Per-file tally of faults exercised and the most stop/delete calls any of them let through. */
const faults: { name: string; sent: number }[] = []

export function recordFault(name: string, sent: number): void {
  faults.push({ name, sent })
}

/** Prints the figure line, e.g. `fault suite (upstream faults): 9 faults, max stop/delete sends per action 1`. */
export function printFaultFigures(label: string): void {
  const max = faults.reduce((m, f) => Math.max(m, f.sent), 0)
  console.log(
    `fault suite (${label}): ${faults.length} faults, max stop/delete sends per action ${max}, an audit outcome for every forwarded action`,
  )
  printCanaryFigures(label)
}
