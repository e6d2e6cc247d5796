import { useEffect, useState } from 'react'

/** Below tablet width (a phone held upright): the page switches tables to cards. */
export const NARROW_QUERY = '(max-width: 767px)'

export function useNarrow(): boolean {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW_QUERY) : null
  const [narrow, setNarrow] = useState(query?.matches ?? false)
  useEffect(() => {
    if (!query) return undefined
    const update = (): void => setNarrow(query.matches)
    update()
    // addListener: the only form older Safari (and TypeScript 3.9's lib) know.
    query.addListener(update)
    return () => query.removeListener(update)
  }, [query?.media])
  return narrow
}
