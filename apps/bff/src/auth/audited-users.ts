import type { AccountAuditAction } from '@ops-console/contracts'
import type { AuditLedger } from '../audit/types.js'
import type { AccountEventInput } from './account-events.js'
import type { UserStore } from './users.js'

/** Who administers: everything of an account event except what the change itself says. */
export type AdminActor = Omit<AccountEventInput, 'action' | 'outcome' | 'subject' | 'details'>

/** Thrown when a change was made but its audit entry could not be written. */
export class UnauditedChangeError extends Error {}

/**
 * The user store with every administrative change audited (user.create, user.set-role,
 * user.set-password, user.disable, user.enable), refused ones included. Whoever administers
 * users (the CLI today, an admin API tomorrow) goes through this, so none is left unaudited.
 */
export function auditedUserAdmin(
  users: UserStore,
  ledger: AuditLedger,
  actor: () => AdminActor,
): UserStore {
  async function audited<T>(
    action: AccountAuditAction,
    subject: string,
    details: AccountEventInput['details'],
    change: () => Promise<T>,
  ): Promise<T> {
    let result: T
    try {
      result = await change()
    } catch (err) {
      const cause = err instanceof Error ? err.message.slice(0, 200) : 'failed'
      await ledger
        .recordEvent({
          ...actor(),
          action,
          subject,
          outcome: 'failure',
          details: { ...details, cause },
        })
        .catch(() => undefined)
      throw err
    }
    try {
      await ledger.recordEvent({ ...actor(), action, subject, outcome: 'success', details })
    } catch (err) {
      throw new UnauditedChangeError(
        `${action} ${subject} was made, but the audit log could not record it`,
        { cause: err },
      )
    }
    return result
  }

  return {
    ...users,
    create: (input) =>
      audited('user.create', input.username, { role: input.role }, () => users.create(input)),
    setPassword: (username, password, opts) =>
      audited('user.set-password', username, {}, () => users.setPassword(username, password, opts)),
    setRole: (username, role) =>
      audited('user.set-role', username, { role }, () => users.setRole(username, role)),
    setDisabled: (username, disabled) =>
      audited(disabled ? 'user.disable' : 'user.enable', username, {}, () =>
        users.setDisabled(username, disabled),
      ),
  }
}
