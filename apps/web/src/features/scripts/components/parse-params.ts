/** Parses `key=value` lines into script parameters; returns an error message for a bad line. */
export function parseParams(text: string): { params: Record<string, string> } | { error: string } {
  const params: Record<string, string> = {}
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim()
    if (!line) continue
    const eq = line.indexOf('=')
    const key = eq > 0 ? line.slice(0, eq).trim() : ''
    if (!/^[A-Za-z0-9_]{1,64}$/.test(key))
      return { error: `Line ${i + 1}: use name=value, names of letters, digits and _` }
    params[key] = line.slice(eq + 1).trim()
  }
  return { params }
}
