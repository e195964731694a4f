/**
 * C0/C1 controls (tab and newline aside), bidi overrides/isolates and other invisible format
 * characters. Entries written before input validation refused them must not reorder or hide
 * what the audit view shows, so they are displayed as visible escapes (`\u202E`).
 */
const INVISIBLE: readonly [number, number][] = [
  [0x00, 0x08],
  [0x0b, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x61c, 0x61c],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffb],
]

const invisible = (code: number) => INVISIBLE.some(([lo, hi]) => code >= lo && code <= hi)

export function inert(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    out += invisible(code) ? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}` : ch
  }
  return out
}
