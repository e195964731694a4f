import { readFileSync, readdirSync, readlinkSync } from 'node:fs'

/** What the operating system says a process holds: resident memory and open file descriptors. */
export interface ProcStats {
  rssMb: number
  fds: number
  sockets: number
}

/** Linux `/proc/<pid>`: VmRSS and the fd table, sockets counted separately. */
export function procStats(pid: number): ProcStats {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN)
  let fds = 0
  let sockets = 0
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`)
      fds++
      if (target.startsWith('socket:')) sockets++
    } catch {
      // closed between the listing and the readlink
    }
  }
  return { rssMb: Math.round((kb / 1024) * 10) / 10, fds, sockets }
}

/**
 * Waits until the process is idle: its fd count has not changed for `stableMs` (keep-alive
 * sockets closed, stop watchers finished), at most `maxMs`. Returns the last sample.
 */
export async function settle(pid: number, stableMs = 5_000, maxMs = 90_000): Promise<ProcStats> {
  const started = Date.now()
  let last = procStats(pid)
  let since = Date.now()
  while (Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 500))
    const now = procStats(pid)
    if (now.fds !== last.fds) since = Date.now()
    last = now
    if (Date.now() - since >= stableMs) break
  }
  return last
}
