/**
 * Misspelt settings. An unknown variable is silently ignored by the schema, so `OIDC_ISUER=…` or
 * `SESSION_COOKIE_SECRUE=false` would leave a default in place without anyone noticing. A variable
 * is reported when it lives in one of our namespaces, differs from a known setting only in case, or
 * is a small edit away from one; the nearest known setting is suggested. Values are never shown.
 */

/** Prefixes only ops-console uses: anything else under them is a typo or a removed setting. */
const OUR_PREFIXES = ['CLOUD_', 'OPS_', 'OIDC_', 'SESSION_', 'STOP_WATCH_', 'SQLITE_', 'PROTECTED_']

/**
 * Kubernetes injects `<SERVICE>_SERVICE_HOST`, `<SERVICE>_PORT_8080_TCP_ADDR`, … for every Service
 * in the namespace (a Service named `ops-console` gives `OPS_CONSOLE_PORT`): never ours, never typos.
 */
const SERVICE_LINK =
  /^[A-Z0-9_]+_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_\d+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)$/

/** Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[]
      const prev = d[i - 1] as number[]
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1)
    }
  }
  return (d[a.length] as number[])[b.length] as number
}

/** How many edits still count as "meant this setting": short names need a closer match. */
const tolerance = (name: string) => (name.length <= 6 ? 1 : name.length <= 12 ? 2 : 3)

function nearest(
  name: string,
  known: readonly string[],
): { name: string; distance: number } | null {
  let best: { name: string; distance: number } | null = null
  const upper = name.toUpperCase()
  for (const k of known) {
    const distance = editDistance(upper, k)
    if (!best || distance < best.distance) best = { name: k, distance }
  }
  return best
}

/** One `NAME: …` line per variable that looks like a misspelt or unknown setting. */
export function unknownSettings(
  env: Record<string, string | undefined>,
  known: readonly string[],
): string[] {
  const knownSet = new Set(known)
  const lines: string[] = []
  for (const name of Object.keys(env).sort()) {
    // Empty means unset everywhere in the config, also here: the way to silence another tool's variable.
    if (knownSet.has(name) || SERVICE_LINK.test(name) || !env[name]) continue
    const near = nearest(name, known)
    const ours = OUR_PREFIXES.some((p) => name.toUpperCase().startsWith(p))
    const close = near !== null && near.distance <= tolerance(name)
    if (!ours && !close) continue
    lines.push(
      close && near
        ? `${name}: unknown setting; did you mean ${near.name}?`
        : `${name}: unknown setting (the settings are listed in apps/bff/README.md; set it empty if another tool needs it)`,
    )
  }
  return lines
}
