import { z } from 'zod'

/**
 * Characters no free text (reasons, display names, usernames, token names, search terms) may hold:
 * - `Cc` control characters: C0 (NUL, TAB, CR, LF, ESC — the ANSI escape — …), DEL and C1;
 * - `Cf` format characters, invisible but meaningful: zero-width U+200B–U+200F, bidi embeddings and
 *   overrides U+202A–U+202E, isolates U+2066–U+2069, U+FEFF, soft hyphen, Unicode tags …;
 * - `Zl`/`Zp` line and paragraph separators (U+2028/U+2029 end a line in logs and some parsers);
 * - `Cs` lone surrogates (not text at all; PostgreSQL refuses them as UTF-8).
 * A reason with "\r\nFAKE LOG LINE" or U+202E would forge log lines or reorder what an auditor
 * reads, so such text is refused rather than cleaned: nothing the operator did not see is stored.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u

const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu')
const codePointOf = (ch: string) =>
  `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

/**
 * `text` cut into visible runs and the hidden characters between them, so a view can show
 * stored text inertly (text recorded before this check existed, cloud messages): each hidden
 * character becomes a visible `U+XXXX` marker instead of acting (reordering, hiding, breaking lines).
 */
export function splitHiddenCharacters(text: string): ({ text: string } | { codePoint: string })[] {
  const parts: ({ text: string } | { codePoint: string })[] = []
  let at = 0
  for (const m of text.matchAll(HIDDEN_ALL)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) })
    parts.push({ codePoint: codePointOf(m[0]) })
    at = m.index + m[0].length
  }
  if (at < text.length) parts.push({ text: text.slice(at) })
  return parts
}

/** The same as one plain string (for titles and labels): hidden characters as `⟨U+XXXX⟩`. */
export function revealHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_ALL, (ch) => `⟨${codePointOf(ch)}⟩`)
}

/** The first forbidden character of `text` as `U+XXXX` with its UTF-16 index, or null. */
export function findHiddenCharacter(text: string): { codePoint: string; index: number } | null {
  const match = HIDDEN.exec(text)
  if (!match) return null
  return { codePoint: codePointOf(match[0]), index: match.index }
}

/** Message for a refused text; names the code point, never echoes the character itself. */
export function hiddenCharacterMessage(found: { codePoint: string; index: number }): string {
  return `must not contain control or invisible formatting characters (${found.codePoint} at position ${found.index + 1})`
}

/**
 * The one refinement for free text: `z.string().check(plainText)`. The issue lands on the field
 * being parsed, so the 400 names it (`fields.reason`, `fields["params.sql"]`, …).
 */
export const plainText = z.superRefine<string>((text, ctx) => {
  const found = findHiddenCharacter(text)
  if (found) ctx.addIssue({ code: 'custom', message: hiddenCharacterMessage(found) })
})

/** A free-text string of at most `max` characters without hidden characters. */
export function freeText(max: number): z.ZodString {
  return z.string().max(max).check(plainText)
}
