import { hash, verify, type Algorithm } from '@node-rs/argon2'

// Argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane). `Algorithm` is a
// const enum in the typings, so its member value is spelled out here.
const ARGON2ID = 2 as Algorithm.Argon2id
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

// Verified against when the user does not exist, so unknown and known names take the same time.
let dummyHash: Promise<string> | null = null
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('not-a-real-password-0f3c')
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false)
}
