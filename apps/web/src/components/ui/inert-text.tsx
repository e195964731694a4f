import { splitHiddenCharacters } from '@ops-console/contracts'

/**
 * Stored free text shown as what it is. React already keeps markup inert; this also keeps the
 * text from acting: it is isolated from the surrounding direction (`<bdi>`), and every control or
 * invisible formatting character (line breaks, ANSI escapes, bidi overrides, zero-width
 * characters — in rows recorded before the API refused them, or in a cloud's message) is shown
 * as a visible `U+XXXX` marker instead of reordering, hiding or splitting what an auditor reads.
 */
export function InertText({ text }: { text: string | null | undefined }) {
  if (text === null || text === undefined || text === '') return null
  return (
    <bdi>
      {splitHiddenCharacters(text).map((part, i) =>
        'text' in part ? (
          part.text
        ) : (
          <abbr
            key={i}
            title={`hidden character ${part.codePoint}`}
            className="mx-px rounded bg-amber-100 px-0.5 font-mono text-[0.7em] text-amber-900 no-underline dark:bg-amber-900/40 dark:text-amber-100"
          >
            {part.codePoint}
          </abbr>
        ),
      )}
    </bdi>
  )
}
