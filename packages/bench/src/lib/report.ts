import { pathToFileURL } from 'node:url'

/** One printed figure. `met` is null when the figure has no target. */
export interface Figure {
  figure: string
  value: string
  target?: string
  met?: boolean | null
}

export interface BenchResult {
  name: string
  figures: Figure[]
  notes: string[]
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length))

/** Plain-text table of figures (also valid Markdown). */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = results.flatMap((r) =>
    r.figures.map((f) => [
      r.name,
      f.figure,
      f.value,
      f.target ?? '',
      f.met == null ? '' : f.met ? 'met' : 'MISSED',
    ]),
  )
  const header = ['benchmark', 'figure', 'value', 'target', 'verdict']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ')} |`
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n')
}

export function formatNotes(results: readonly BenchResult[]): string {
  return results.flatMap((r) => r.notes.map((n) => `- ${r.name}: ${n}`)).join('\n')
}

/** Runs `bench` when the file is executed directly (`tsx src/<name>.ts`), printing its table. */
export function runIfMain(moduleUrl: string, bench: () => Promise<BenchResult>): void {
  const entry = process.argv[1]
  if (!entry || pathToFileURL(entry).href !== moduleUrl) return
  bench()
    .then((result) => {
      console.log(formatTable([result]))
      if (result.notes.length) console.log(`\n${formatNotes([result])}`)
    })
    .catch((err: unknown) => {
      console.error(err)
      process.exitCode = 1
    })
}

/** Progress lines go to stderr so stdout stays the table. */
export const progress = (msg: string): void => {
  process.stderr.write(`[bench] ${msg}\n`)
}
