import type { AccountAuditAction } from '@ops-console/contracts'
import type { AuditLedger } from '../audit/types.js'
import type { AccountEventInput } from './account-events.js'
import type { LoginThrottle } from './login-throttle.js'
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
/** Runs one administrative change and records it (refused ones too). */
async function auditChange<T>(
  ledger: AuditLedger,
  actor: () => AdminActor,
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

export function auditedUserAdmin(
  users: UserStore,
  ledger: AuditLedger,
  actor: () => AdminActor,
): UserStore {
  const audited = <T>(
    action: AccountAuditAction,
    subject: string,
    details: AccountEventInput['details'],
    change: () => Promise<T>,
  ) => auditChange(ledger, actor, action, subject, details, change)

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

/** `users unlock NAME`: forgetting an account's failed sign-ins is audited as `user.unlock`. */
export function auditedUnlock(
  throttle: Pick<LoginThrottle, 'unlock'>,
  ledger: AuditLedger,
  actor: () => AdminActor,
): Pick<LoginThrottle, 'unlock'> {
  return {
    unlock: (username) =>
      auditChange(ledger, actor, 'user.unlock', username, {}, () => throttle.unlock(username)),
  }
}
