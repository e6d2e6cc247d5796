import React, { createContext, useContext, useMemo } from 'react'
import type { ReactNode } from 'react'

import { DEFAULT_TIME_ZONE, isValidTimeZone } from './time'

export interface StoreClock {
  /** IANA zone the store works in: every date and time on the page is shown in it. */
  timeZone: string
  /** The server's "now" (from the overview's generatedAt), so relative times match the server. */
  now: () => number
}

const StoreContext = createContext<StoreClock>({ timeZone: DEFAULT_TIME_ZONE, now: () => Date.now() })

export function StoreProvider({
  timeZone,
  serverOffsetMs,
  children,
}: {
  timeZone?: string
  serverOffsetMs: number
  children: ReactNode
}) {
  const zone = isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE
  const value = useMemo<StoreClock>(
    () => ({ timeZone: zone, now: () => Date.now() + serverOffsetMs }),
    [zone, serverOffsetMs]
  )
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>
}

export const useStoreClock = (): StoreClock => useContext(StoreContext)
