import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export interface Child<T> {
  info: T
  process: ChildProcess
  stop(): Promise<void>
}

const READY = 'BENCH_READY '

/** Ends a child with SIGTERM (SIGKILL after `killAfterMs`) and waits until it has exited. */
export async function stopChild(child: ChildProcess, killAfterMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  await exited
  clearTimeout(timer)
}

/**
 * Starts `hosts/<name>.ts` in its own Node process (so the server under test does not share an
 * event loop with the load generator) and resolves with the JSON it prints after `BENCH_READY`.
 */
export function startHost<T>(
  name: string,
  config: unknown,
  timeoutMs = 120_000,
): Promise<Child<T>> {
  const script = fileURLToPath(new URL(`../hosts/${name}.ts`, import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, BENCH_HOST_CONFIG: JSON.stringify(config) },
    // stdin stays open as a lifeline: the host exits when it closes (the parent died).
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const stop = () => stopChild(child)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`host ${name} did not start within ${timeoutMs} ms`))
    }, timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host ${name} exited early (code ${code})`))
    })
    const lines = createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      if (!line.startsWith(READY)) return
      clearTimeout(timer)
      resolve({ info: JSON.parse(line.slice(READY.length)) as T, process: child, stop })
    })
  })
}

/** Host side: announce readiness (and the facts the parent needs) on stdout. */
export function announceReady(info: unknown): void {
  process.stdout.write(`${READY}${JSON.stringify(info)}\n`)
}

/** Host side: the JSON config the parent passed. Also ties the host's life to the parent's. */
export function hostConfig<T>(): T {
  process.stdin.on('end', () => process.exit(0))
  process.stdin.resume()
  return JSON.parse(process.env.BENCH_HOST_CONFIG ?? '{}') as T
}
