import { useEffect, useRef } from 'react'
import React from 'react'

import { THEME_CLASS } from '../a11y/contrastTheme'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** Open dialogs, innermost last: only the innermost one keeps Tab inside itself. */
const openDialogs: HTMLElement[] = []

const focusableIn = (root: HTMLElement): HTMLElement[] =>
  Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.offsetParent !== null || el === document.activeElement
  )

/**
 * Gives the styleguide Modal (v1, which renders a plain div) what a dialog needs: role="dialog",
 * aria-modal and a name; focus moves into it on open, Tab and Shift+Tab stay inside it, and focus
 * returns to what opened it on close. Render it anywhere inside the Modal's children.
 */
export function DialogSemantics({ label }: { label: string }) {
  const marker = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const dialog = marker.current?.closest<HTMLElement>('.vtex-modal__modal')
    if (!dialog) return undefined
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    // A portal outside the page's root: it takes the page's contrast theme itself.
    dialog.classList.add(THEME_CLASS)
    dialog.setAttribute('role', 'dialog')
    dialog.setAttribute('aria-modal', 'true')
    openDialogs.push(dialog)
    if (!dialog.contains(document.activeElement)) {
      dialog.setAttribute('tabindex', '-1')
      dialog.focus()
    }
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Tab' || openDialogs[openDialogs.length - 1] !== dialog) return
      const focusable = focusableIn(dialog)
      if (focusable.length === 0) return
      const first = focusable[0]
      const last = focusable[focusable.length - 1]
      const active = document.activeElement
      if (event.shiftKey && (active === first || !dialog.contains(active))) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
        event.preventDefault()
        first.focus()
      }
    }
    document.addEventListener('keydown', onKeyDown, true)
    return () => {
      document.removeEventListener('keydown', onKeyDown, true)
      openDialogs.splice(openDialogs.indexOf(dialog), 1)
      if (opener && document.contains(opener)) opener.focus()
    }
  }, [])
  useEffect(() => {
    marker.current?.closest<HTMLElement>('.vtex-modal__modal')?.setAttribute('aria-label', label)
  }, [label])
  return <span ref={marker} hidden />
}
