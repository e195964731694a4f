import { createContext, use } from 'react'

/** `live`: the workload stream is up; `polling`: it is down and screens poll until it is back. */
export type LiveMode = 'connecting' | 'live' | 'polling'

/** Without a provider (tests, a browser without EventSource) screens poll, as they always did. */
export const LiveModeContext = createContext<LiveMode>('polling')

export function useLiveMode(): LiveMode {
  return use(LiveModeContext)
}
