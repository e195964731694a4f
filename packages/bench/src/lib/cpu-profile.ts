import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'

/**
 * Opt-in CPU profile of a host process (BENCH_CPU_PROF=<file>), for finding where a benchmark's
 * time goes; open the file in Chrome DevTools. Returns the function that stops and writes it.
 */
export async function startCpuProfile(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return () => Promise.resolve()
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return async () => {
    const { profile } = await session.post('Profiler.stop')
    writeFileSync(file, JSON.stringify(profile))
    session.disconnect()
  }
}
