/** A small seeded PRNG (mulberry32): the whole world must be reproducible from one number. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number
  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
  /** `n` chars from `alphabet`. */
  chars(n: number, alphabet: string): string
}

export const HEX = '0123456789abcdef'
export const LOWER_ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz'

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p) => next() < p,
    chars: (n, alphabet) => {
      let out = ''
      for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)]
      return out
    },
  }
}

/** FNV-1a: turns a string key into a 32-bit number so per-entity decisions stay stable. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A deterministic number in [0, 1) for (seed, key): independent of generation order. */
export function stableFraction(seed: number, key: string): number {
  return createRng(hashString(key) ^ seed).next()
}
