import { mkdirSync } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { canonicalJson, macMatches, rowMac } from './hash-chain.js'

/** At most one checkpoint line per this many ms (plus one when the ledger closes). */
export const CHECKPOINT_EVERY_MS = 1_000

/** One line of the checkpoint file: the chain head at some moment. */
export interface Checkpoint {
  seq: number
  hash: string
  at: string
  /** HMAC of the line's other fields under AUDIT_HMAC_KEY, when one is configured. */
  mac?: string
}

const macInput = (c: Checkpoint) => canonicalJson({ seq: c.seq, hash: c.hash, at: c.at })

export interface CheckpointWriter {
  /** The head after a commit; written at most every CHECKPOINT_EVERY_MS, the last one always. */
  note(seq: number, hash: string): void
  /** Writes the latest head now (if not written yet) and stops the timer. */
  close(): Promise<void>
}

/**
 * Chain-head checkpoints in an append-only file outside the database (O_APPEND, fsync per line):
 * someone who can rewrite the database but not this file cannot make `audit:verify` accept a
 * rehashed or truncated chain. Write failures are reported to `onError`, never to the appender.
 */
export function createCheckpointWriter(
  path: string,
  opts: { hmacKey: string | null; now: () => Date; onError: (err: unknown) => void },
): CheckpointWriter {
  mkdirSync(dirname(path), { recursive: true })
  let latest: { seq: number; hash: string } | null = null
  let writtenSeq = 0
  let lastWriteMs = -Infinity
  let timer: NodeJS.Timeout | null = null
  let writing: Promise<void> = Promise.resolve()

  const write = (): Promise<void> => {
    writing = writing.then(async () => {
      const head = latest
      if (!head || head.seq <= writtenSeq) return
      const c: Checkpoint = { seq: head.seq, hash: head.hash, at: opts.now().toISOString() }
      if (opts.hmacKey) c.mac = rowMac(opts.hmacKey, macInput(c))
      try {
        const file = await open(path, 'a', 0o600)
        try {
          await file.appendFile(`${JSON.stringify(c)}\n`)
          await file.sync()
        } finally {
          await file.close()
        }
        writtenSeq = head.seq
      } catch (err) {
        opts.onError(err)
      }
    })
    return writing
  }

  return {
    note(seq, hash) {
      if (!latest || seq > latest.seq) latest = { seq, hash }
      const now = opts.now().getTime()
      const wait = lastWriteMs + CHECKPOINT_EVERY_MS - now
      if (wait <= 0) {
        lastWriteMs = now
        void write()
      } else {
        timer ??= setTimeout(() => {
          timer = null
          lastWriteMs = opts.now().getTime()
          void write()
        }, wait)
        timer.unref()
      }
    },
    async close() {
      if (timer) clearTimeout(timer)
      timer = null
      await write()
    },
  }
}

/**
 * Parses a checkpoint file. A torn last line (crash mid-write) is a warning; any other line that
 * is not a checkpoint is a problem (the file was edited).
 */
export async function readCheckpoints(
  path: string,
): Promise<{ checkpoints: Checkpoint[]; problems: string[]; warnings: string[] }> {
  const text = await readFile(path, 'utf8')
  const problems: string[] = []
  const warnings: string[] = []
  const checkpoints: Checkpoint[] = []
  const lines = text.split('\n')
  lines.forEach((line, i) => {
    if (!line) return
    try {
      const v = JSON.parse(line) as Partial<Checkpoint>
      if (
        Number.isInteger(v.seq) &&
        typeof v.hash === 'string' &&
        typeof v.at === 'string' &&
        (v.mac === undefined || typeof v.mac === 'string')
      )
        return checkpoints.push(v as Checkpoint)
    } catch {
      // reported below
    }
    if (i === lines.length - 1) warnings.push(`${path}:${i + 1}: incomplete last line ignored`)
    else problems.push(`${path}:${i + 1}: not a checkpoint line`)
  })
  return { checkpoints, problems, warnings }
}

export function checkpointMacValid(key: string, c: Checkpoint): boolean {
  return c.mac !== undefined && macMatches(key, macInput(c), c.mac)
}
