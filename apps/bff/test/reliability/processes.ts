import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createCloudSim, type SimOptions } from '@ops-console/cloud-sim'
import { simTargets } from '../../src/workloads/cloud-targets.js'

export const BFF_DIR = fileURLToPath(new URL('../..', import.meta.url))
export const BFF_ENTRY = fileURLToPath(new URL('../../src/index.ts', import.meta.url))
const SIM_ENTRY = fileURLToPath(
  new URL('../../../../packages/cloud-sim/src/main.ts', import.meta.url),
)
export const PUBLIC_ORIGIN = 'http://ops-console.test'

export interface Proc {
  child: ChildProcess
  /** stdout and stderr lines so far. */
  lines: string[]
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Resolves with the first line matching `re` (rejects after `ms`). */
  waitFor(re: RegExp, ms?: number): Promise<string>
}

/** Starts `node --import tsx entry` (the pid is the real process, so SIGKILL really kills it). */
export function startNode(entry: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: BFF_DIR,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = []
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue
      lines.push(line)
      for (const w of waiters.filter((x) => x.re.test(line))) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(line)
      }
    }
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return {
    child,
    lines,
    exited,
    waitFor(re, ms = 30_000) {
      const seen = lines.find((l) => re.test(l))
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`timed out waiting for ${re} in:\n${lines.slice(-20).join('\n')}`)),
          ms,
        )
        waiters.push({ re, resolve: (l) => (clearTimeout(timer), resolve(l)) })
        void exited.then(({ code, signal }) =>
          reject(
            new Error(`exited (${code ?? signal}) before ${re}:\n${lines.slice(-20).join('\n')}`),
          ),
        )
      })
    },
  }
}

/** Ends a process we started and waits for it (SIGKILL after `ms`). */
export async function stop(p: Proc, ms = 5_000): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return
  p.child.kill('SIGTERM')
  const timer = setTimeout(() => p.child.kill('SIGKILL'), ms)
  await p.exited
  clearTimeout(timer)
}

/** The standalone simulator (`packages/cloud-sim/src/main.ts`) on an ephemeral loopback port. */
export async function startSim(
  size: 'small' | 'large' = 'small',
): Promise<{ url: string; proc: Proc }> {
  const proc = startNode(SIM_ENTRY, { SIM_PORT: '0', SIM_SEED: '42', SIM_SIZE: size })
  const line = await proc.waitFor(/cloud-sim listening on http:\/\/127\.0\.0\.1:\d+/)
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)?.[0] ?? ''
  return { url, proc }
}

/** Environment that points a BFF at the standalone simulator (seed 42) through the endpoint overrides. */
export function bffEnv(
  simUrl: string,
  db: { sqlitePath: string } | { databaseUrl: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  const defaults = createCloudSim({ seed: 42, clock: 'manual' } satisfies SimOptions)
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN,
    LOG_LEVEL: 'info',
    CLOUD_TARGETS: JSON.stringify(simTargets(defaults)),
    CLOUD_AK: defaults.defaults.aksk.ak,
    CLOUD_SK: defaults.defaults.aksk.sk,
    ...Object.fromEntries(
      ['iam', 'dataarts', 'codearts', 'dli', 'modelarts'].map((s) => [
        `CLOUD_ENDPOINT_${s.toUpperCase()}`,
        `${simUrl}/${s}`,
      ]),
    ),
    ...('sqlitePath' in db ? { SQLITE_PATH: db.sqlitePath } : { DATABASE_URL: db.databaseUrl }),
    WEB_DIST_DIR: '/nonexistent-web-dist',
    // No load balancer in front: SIGTERM drains at once (shutdown-readiness.test.ts sets a delay).
    SHUTDOWN_DELAY_MS: '0',
    ...extra,
  }
}

/** Starts a BFF process and resolves once it listens (after migrations and start-up reconciliation). */
export async function startBff(
  env: Record<string, string>,
  entry = BFF_ENTRY,
): Promise<{ url: string; proc: Proc }> {
  const proc = startNode(entry, env)
  const line = await proc.waitFor(/"msg":"listening/, 60_000)
  const port = (JSON.parse(line) as { port: number }).port
  return { url: `http://127.0.0.1:${port}`, proc }
}
