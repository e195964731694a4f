import { expect, test } from 'vitest'
import { createAttackContext } from './attack-context.js'
import { HOSTILE_TEXT, TEXT_TARGETS } from './hostile-text.js'

const canEncode = (text: string) => {
  try {
    return encodeURIComponent(text) !== ''
  } catch {
    return false
  }
}

test('hostile free text in any field: 400 naming the field, nothing sent, audited, logged or stored', async () => {
  const x = await createAttackContext()
  try {
    const auditRows = async () =>
      Number(
        (
          await x.h.deps.db
            .selectFrom('audit_log')
            // Workload intents and outcomes; the harness's own sign-ins are account events.
            .where('type', '!=', 'event')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const rowsBefore = await auditRows()
    const upstreamBefore = x.h.upstream().length
    const logsBefore = x.h.logLines.length
    const wrong: string[] = []
    let sent = 0
    for (const t of TEXT_TARGETS) {
      // A lone surrogate cannot be written into a URL at all (encodeURIComponent throws).
      const corpus = t.route.startsWith('GET')
        ? HOSTILE_TEXT.filter((h) => canEncode(h.text))
        : HOSTILE_TEXT
      for (const { name, text } of corpus) {
        const res = await x.h.services.workloads?.idle().then(() => t.send(x, text))
        sent++
        const body = (await res?.json()) as {
          error?: { code?: string; fields?: Record<string, string> }
        }
        if (
          res?.status !== 400 ||
          body.error?.code !== 'VALIDATION_FAILED' ||
          !body.error.fields?.[t.field]
        )
          wrong.push(`${t.route} ${t.field} (${name}): ${res?.status} ${JSON.stringify(body)}`)
      }
    }
    await x.h.services.workloads?.idle()
    expect(wrong).toEqual([])
    expect(sent).toBeGreaterThanOrEqual(HOSTILE_TEXT.length * TEXT_TARGETS.length - 10)
    expect(x.h.upstream().length - upstreamBefore).toBe(0)
    expect(await auditRows()).toBe(rowsBefore)
    // Request logs carry the path, never a body or query text: no hostile text reached a log line.
    const lines = x.h.logLines.slice(logsBefore)
    const leaked = HOSTILE_TEXT.filter(({ text }) => {
      const escaped = JSON.stringify(text).slice(1, -1)
      return lines.some((line) => line.includes(escaped) || line.includes(text))
    })
    expect(leaked).toEqual([])
  } finally {
    await x.h.close()
  }
}, 60_000)
