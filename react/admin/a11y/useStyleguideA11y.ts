import { useEffect, useRef } from 'react'

import type { StyleguideLabels } from './styleguideA11y'
import { applyStyleguideFixes } from './styleguideA11y'

/**
 * Keeps the styleguide fixes applied to everything the page renders, dialogs (portals on the
 * body) included: once now, then after every batch of DOM changes (a MutationObserver callback,
 * before the browser paints; attribute changes are not observed, so the fixes never loop).
 */
export function useStyleguideA11y(labels: StyleguideLabels): void {
  const current = useRef(labels)
  current.current = labels
  useEffect(() => {
    const run = (): void => applyStyleguideFixes(document.body, current.current)
    run()
    const observer = new MutationObserver(run)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [])
}
