import { randomUUID } from 'node:crypto'
import type { AuditIntent } from '@ops-console/contracts'
import type { AuditLedger } from '../../../src/audit/types.js'

/**
 * DELIBERATELY WRONG ledger for the crash test's negative control: `recordIntent` returns at once
 * and the intent is only written together with the outcome, i.e. after the cloud call. A crash
 * between the two leaves stops the cloud received with no audit trace; the crash test must see that.
 */
export function auditAfterCall(ledger: AuditLedger): AuditLedger {
  const pending = new Map<string, Omit<AuditIntent, 'id' | 'at'>>()
  const realIds = new Map<string, string>()
  return {
    ...ledger,
    recordIntent(input) {
      const id = randomUUID()
      pending.set(id, input)
      return Promise.resolve({
        ...input,
        options: input.options ?? {},
        id,
        at: new Date().toISOString(),
      })
    },
    async recordOutcome(input) {
      const intent = pending.get(input.intentId)
      if (intent) {
        pending.delete(input.intentId)
        realIds.set(input.intentId, (await ledger.recordIntent(intent)).id)
      }
      await ledger.recordOutcome({
        ...input,
        intentId: realIds.get(input.intentId) ?? input.intentId,
      })
    },
  }
}
