import { randomBytes, randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { findHiddenCharacter, hiddenCharacterMessage, type Role } from '@ops-console/contracts'
import type { Database, UsersTable } from '../db/schema.js'
import type { Clock } from '../lib/clock.js'
import { dummyVerify, hashPassword, verifyPassword } from './password-hash.js'

export interface UserRecord {
  username: string
  displayName: string
  role: Role
  mustChangePassword: boolean
  disabled: boolean
  createdAt: string
}

export interface UserStore {
  create(input: {
    username: string
    displayName?: string
    role: Role
    password: string
    mustChangePassword?: boolean
  }): Promise<UserRecord>
  find(username: string): Promise<UserRecord | null>
  /** The user when the password matches and the account is enabled, else null (constant-ish time). */
  authenticate(username: string, password: string): Promise<UserRecord | null>
  setPassword(username: string, password: string, opts?: { mustChange?: boolean }): Promise<void>
  setRole(username: string, role: Role): Promise<void>
  setDisabled(username: string, disabled: boolean): Promise<void>
  list(): Promise<UserRecord[]>
  /** First start only: creates `admin` with a random one-time password; null when users exist. */
  bootstrapAdmin(): Promise<{ username: string; password: string } | null>
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,99}$/

/**
 * Why a display name cannot be stored, or null. Display names are shown in every audit row and
 * header: no forged lines, no bidi tricks, no invisible characters.
 */
export function displayNameProblem(name: string): string | null {
  const hidden = findHiddenCharacter(name)
  if (hidden) return `the display name ${hiddenCharacterMessage(hidden)}`
  return name.length > 200 ? 'display names have at most 200 characters' : null
}

function toRecord(row: UsersTable): UserRecord {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  }
}

/** Generates a password that is easy to type once: 24 base64url characters (144 bits). */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url')
}

export function createUserStore(db: Kysely<Database>, clock: Clock): UserStore {
  const row = (username: string) =>
    db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
  const update = async (username: string, values: Partial<UsersTable>) => {
    const res = await db
      .updateTable('users')
      .set({ ...values, updated_at: clock.now().toISOString() })
      .where('username', '=', username)
      .executeTakeFirst()
    if (res.numUpdatedRows === 0n) throw new Error(`no such user: ${username}`)
  }
  const store: UserStore = {
    async create(input) {
      if (!USERNAME_PATTERN.test(input.username))
        throw new Error('usernames are lower-case letters, digits and . _ @ -')
      const problem = displayNameProblem(input.displayName ?? '')
      if (problem) throw new Error(problem)
      const now = clock.now().toISOString()
      const values: UsersTable = {
        id: randomUUID(),
        username: input.username,
        display_name: input.displayName ?? input.username,
        role: input.role,
        password_hash: await hashPassword(input.password),
        must_change_password: input.mustChangePassword ? 1 : 0,
        disabled: 0,
        created_at: now,
        updated_at: now,
      }
      await db.insertInto('users').values(values).execute()
      return toRecord(values)
    },
    async find(username) {
      const r = await row(username)
      return r ? toRecord(r) : null
    },
    async authenticate(username, password) {
      const r = await row(username)
      if (!r) return dummyVerify(password).then(() => null)
      const ok = await verifyPassword(r.password_hash, password)
      return ok && r.disabled === 0 ? toRecord(r) : null
    },
    async setPassword(username, password, opts = {}) {
      await update(username, {
        password_hash: await hashPassword(password),
        must_change_password: opts.mustChange ? 1 : 0,
      })
    },
    setRole: (username, role) => update(username, { role }),
    setDisabled: (username, disabled) => update(username, { disabled: disabled ? 1 : 0 }),
    async list() {
      const rows = await db.selectFrom('users').selectAll().orderBy('username').execute()
      return rows.map(toRecord)
    },
    async bootstrapAdmin() {
      const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
      if (existing) return null
      const password = randomPassword()
      try {
        await store.create({
          username: 'admin',
          displayName: 'Administrator',
          role: 'admin',
          password,
          mustChangePassword: true,
        })
      } catch {
        return null // another replica created it first (unique username)
      }
      return { username: 'admin', password }
    },
  }
  return store
}
