import type { APIRequestContext } from '@playwright/test'
import { SIM_URL } from './env.js'

/** A fault for the simulator's `/__sim/faults` control API (see packages/cloud-sim). */
export interface SimFault {
  service?: 'iam' | 'dataarts' | 'codearts' | 'dli' | 'modelarts'
  method?: string
  path?: string
  kind: 'latency' | 'hang' | 'status' | 'rate-limit' | 'reset'
  status?: number
  times?: number
}

export interface StackInfo {
  targets: string[]
  scripts: Record<string, string[]>
}

export function simControl(request: APIRequestContext) {
  return {
    async injectFault(fault: SimFault): Promise<void> {
      const res = await request.post(`${SIM_URL}/__sim/faults`, { data: fault })
      if (!res.ok()) throw new Error(`injectFault failed: ${res.status()} ${await res.text()}`)
    },
    async clearFaults(): Promise<void> {
      await request.delete(`${SIM_URL}/__sim/faults`)
    },
    async info(): Promise<StackInfo> {
      return (await (await request.get(`${SIM_URL}/__e2e/info`)).json()) as StackInfo
    },
  }
}
export type SimControl = ReturnType<typeof simControl>
