import { expect, test } from 'vitest'
import { z } from 'zod'
import {
  findHiddenCharacter,
  freeText,
  plainText,
  revealHiddenCharacters,
  splitHiddenCharacters,
} from './free-text.js'
import { AuditQuery } from './audit.js'
import { DeleteBody, ExecuteScriptBody, ListQuery, LoginBody, StopBody } from './api.js'

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))

// The ranges the hardening issue names, plus separators, soft hyphen, tags and lone surrogates.
const FORBIDDEN = [
  ...range(0x00, 0x1f), // C0, incl. NUL, TAB, LF, CR, ESC
  ...range(0x7f, 0x9f), // DEL and C1
  ...range(0x200b, 0x200f), // zero-width space … right-to-left mark
  ...range(0x202a, 0x202e), // bidi embeddings and overrides
  ...range(0x2066, 0x2069), // bidi isolates
  '\ufeff',
  '\u2028',
  '\u2029',
  '\u00ad',
  '\u061c',
  '\u{e0041}', // a Unicode tag (invisible ASCII smuggling)
  '\ud800',
  '\udfff',
]

test('every control, format, separator and lone-surrogate character is refused, wherever it sits', () => {
  for (const ch of FORBIDDEN) {
    for (const text of [ch, `stop ${ch}it`, `stop it${ch}`]) {
      const found = findHiddenCharacter(text)
      expect(found, JSON.stringify(text)).not.toBeNull()
      expect(found?.codePoint).toBe(
        `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
      )
    }
  }
})

test('ordinary text in many scripts, emoji sequences without joiners and combining marks passes', () => {
  const fine = [
    'incident 42: consumer lag > 5 min',
    'Zürich: café überfällig',
    '停止作业，磁盘已满',
    'إيقاف المهمة بسبب الحادث',
    'काम रोकें',
    'e\u0301 (combining acute)',
    '👍🏽 ✔️ 🇩🇪',
    'quotes "double" \'single\' `back` <b>&amp;</b>',
    '${jndi:ldap://x} {{7*7}} %s %n',
  ]
  for (const text of fine) expect(findHiddenCharacter(text), text).toBeNull()
})

test('the refinement reports the field and the code point, never the character itself', () => {
  const schema = z.object({ reason: z.string().check(plainText) })
  const res = schema.safeParse({ reason: 'stop it\r\nFAKE LOG LINE level=error' })
  expect(res.success).toBe(false)
  const issue = res.error?.issues[0]
  expect(issue?.path).toEqual(['reason'])
  expect(issue?.message).toContain('U+000D at position 8')
  expect(issue?.message).not.toMatch(/[\r\n]/)
})

test('every free-text field of the API bodies and queries uses it', () => {
  const evil = 'x\u202eyz 1'
  expect(StopBody.safeParse({ reason: evil }).success).toBe(false)
  expect(DeleteBody.safeParse({ reason: 'cleanup', confirmName: evil }).success).toBe(false)
  expect(LoginBody.safeParse({ username: 'admin\u0000', password: 'p' }).success).toBe(false)
  expect(ExecuteScriptBody.safeParse({ reason: 'run it', params: { day: evil } }).success).toBe(
    false,
  )
  expect(ListQuery.safeParse({ q: evil }).success).toBe(false)
  expect(AuditQuery.safeParse({ actor: evil }).success).toBe(false)
  expect(AuditQuery.safeParse({ q: 'a\u0000' }).success).toBe(false)
  // Untouched: ordinary values still pass.
  expect(StopBody.safeParse({ reason: '  incident 42 ' }).data?.reason).toBe('incident 42')
  expect(freeText(5).safeParse('abcdef').success).toBe(false)
})

test('stored text can be shown inertly: every hidden character becomes a visible marker', () => {
  expect(splitHiddenCharacters('stop\r\nFAKE \u202eevil')).toEqual([
    { text: 'stop' },
    { codePoint: 'U+000D' },
    { codePoint: 'U+000A' },
    { text: 'FAKE ' },
    { codePoint: 'U+202E' },
    { text: 'evil' },
  ])
  expect(splitHiddenCharacters('plain')).toEqual([{ text: 'plain' }])
  expect(splitHiddenCharacters('')).toEqual([])
  expect(revealHiddenCharacters('a\u0000b\u{e0041}')).toBe('a⟨U+0000⟩b⟨U+E0041⟩')
})
