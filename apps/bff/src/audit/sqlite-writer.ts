import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type BetterSqlite3 from 'better-sqlite3'
import { isSqliteBusy, retryWhileBusy, type Sleep } from '../db/sqlite-busy.js'
import { LedgerBusyError, type ChainHead } from './batch.js'

/** One batch for the writer: valid only if the chain head is still `expect` inside the lock. */
export interface WriteRequest {
  expect: ChainHead | null
  statements: [sql: string, params: unknown[]][]
  /** `performance.now()` instant after which waiting for the lock gives up. */
  deadline: number
}

/** `stale`: another connection appended first (the caller rebuilds the batch on `head`). */
export type WriteReply = { ok: true } | { ok: false; stale: ChainHead | null }

export interface SqliteWriter {
  write(req: WriteRequest): Promise<WriteReply>
  close(): Promise<void>
}

export const HEAD_SQL = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'

const sameHead = (a: ChainHead | null | undefined, b: ChainHead | null) =>
  (a?.seq ?? 0) === (b?.seq ?? 0) && (a?.hash ?? null) === (b?.hash ?? null)

/**
 * In this thread (in-memory databases only: another thread cannot open them): the four steps
 * below as one synchronous burst, with the lock retried on a timer between bursts.
 */
export function inThreadWriter(sqlite: BetterSqlite3.Database, sleep?: Sleep): SqliteWriter {
  const cache = new Map<string, BetterSqlite3.Statement>()
  const st = (text: string) => {
    let s = cache.get(text)
    if (!s) cache.set(text, (s = sqlite.prepare(text)))
    return s
  }
  const busy = () => Object.assign(new Error('connection in use'), { code: 'SQLITE_BUSY' })
  return {
    async write(req) {
      let begun = false
      try {
        return await retryWhileBusy(
          () => {
            // A Kysely transaction open across awaits on this connection: wait as for a lock.
            if (sqlite.inTransaction) throw busy()
            st('BEGIN IMMEDIATE').run()
            begun = true
            try {
              const head = st(HEAD_SQL).get() as ChainHead | undefined
              if (!sameHead(head, req.expect)) {
                st('ROLLBACK').run()
                return { ok: false, stale: head ?? null } as const
              }
              for (const [text, params] of req.statements) st(text).run(params)
              st('COMMIT').run()
              return { ok: true } as const
            } catch (err) {
              if (sqlite.inTransaction) st('ROLLBACK').run()
              throw err
            }
          },
          req.deadline,
          sleep,
        )
      } catch (err) {
        if (!begun && isSqliteBusy(err)) throw new LedgerBusyError(String(err), { cause: err })
        throw err
      }
    },
    close: () => Promise.resolve(),
  }
}

/**
 * The same four steps in a worker thread with a connection of its own: BEGIN IMMEDIATE (SQLite's
 * busy handler may block there: it blocks only this thread), check the head, run, COMMIT. The
 * commit's fsync (synchronous=FULL) never stalls the event loop. Plain JavaScript, evaluated.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path, { timeout: 0 })
for (const p of workerData.pragmas) db.pragma(p)
const cache = new Map()
const st = (sql) => { let s = cache.get(sql); if (!s) { s = db.prepare(sql); cache.set(sql, s) } return s }
const fail = (e) => ({ code: typeof e.code === 'string' ? e.code : 'ERROR', message: String(e.message) })
parentPort.on('message', (m) => {
  let reply
  try {
    db.pragma('busy_timeout = ' + Math.max(0, Math.floor(m.waitMs)))
    st('BEGIN IMMEDIATE').run()
  } catch (e) {
    parentPort.postMessage({ id: m.id, beforeLock: true, error: fail(e) })
    return
  }
  try {
    const head = st(${JSON.stringify(HEAD_SQL)}).get() || null
    if ((head ? head.seq : 0) !== (m.expect ? m.expect.seq : 0) || (head ? head.hash : null) !== (m.expect ? m.expect.hash : null)) {
      st('ROLLBACK').run()
      reply = { id: m.id, stale: head }
    } else {
      for (const [sql, params] of m.statements) st(sql).run(params)
      st('COMMIT').run()
      reply = { id: m.id, ok: true }
    }
  } catch (e) {
    if (db.inTransaction) st('ROLLBACK').run()
    reply = { id: m.id, error: fail(e) }
  }
  parentPort.postMessage(reply)
})
`

type WorkerReply =
  | { id: number; ok: true }
  | { id: number; stale: ChainHead | null }
  | { id: number; error: { code: string; message: string }; beforeLock?: boolean }

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3')

/** The writer for a database file: a worker thread, started on first use, restarted if it dies. */
export function workerWriter(path: string, pragmas: readonly string[]): SqliteWriter {
  let worker: Worker | null = null
  let nextId = 1
  const pending = new Map<
    number,
    { resolve: (r: WorkerReply) => void; reject: (e: unknown) => void }
  >()
  const start = (): Worker => {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: driverPath, path, pragmas },
    })
    w.unref()
    w.on('message', (r: WorkerReply) => {
      pending.get(r.id)?.resolve(r)
      pending.delete(r.id)
    })
    const lost = (err: unknown) => {
      worker = null
      for (const p of pending.values()) p.reject(err)
      pending.clear()
    }
    w.on('error', lost)
    w.on('exit', (code) => lost(new Error(`the audit writer thread exited (${code})`)))
    return w
  }
  return {
    async write(req) {
      worker ??= start()
      const id = nextId++
      const reply = await new Promise<WorkerReply>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker?.postMessage({
          id,
          expect: req.expect,
          statements: req.statements,
          waitMs: req.deadline - performance.now(),
        })
      })
      if ('ok' in reply) return { ok: true }
      if ('stale' in reply) return { ok: false, stale: reply.stale }
      const err = Object.assign(new Error(reply.error.message), { code: reply.error.code })
      if (reply.beforeLock && isSqliteBusy(err))
        throw new LedgerBusyError('the audit log stayed locked by another writer', { cause: err })
      throw err
    },
    async close() {
      const w = worker
      worker = null
      if (w) await w.terminate()
    },
  }
}
