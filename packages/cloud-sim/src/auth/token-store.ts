import { randomBytes } from 'node:crypto'

export type TokenScope = { kind: 'project'; projectId: string; region: string } | { kind: 'domain' }

export interface TokenRecord {
  userId: string
  userName: string
  domainId: string
  domainName: string
  scope: TokenScope
  issuedAt: number
  expiresAt: number
}

export const TOKEN_LIFETIME_MS = 24 * 3_600_000

/** Opaque tokens: random, so nothing can be inferred from the value (like real PKI tokens). */
export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>()

  issue(record: Omit<TokenRecord, 'expiresAt'>): string {
    const token = `MIIS${randomBytes(96).toString('base64url')}`
    this.tokens.set(token, { ...record, expiresAt: record.issuedAt + TOKEN_LIFETIME_MS })
    return token
  }

  lookup(token: string): TokenRecord | undefined {
    return this.tokens.get(token)
  }

  clear(): void {
    this.tokens.clear()
  }
}
