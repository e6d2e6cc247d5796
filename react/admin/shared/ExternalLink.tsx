import React from 'react'
import { IconExternalLinkMini } from 'vtex.styleguide'

import { safeHttpUrl } from './safeUrl'
import { DANGER_TEXT } from './textColors'

/**
 * A link to a page outside the admin (carrier tracking page, the invoice's URL), in a new tab.
 * Only http(s) URLs become links: anything else is shown as plain, struck-through text.
 */
export function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  const safe = safeHttpUrl(href)
  if (safe === null) {
    return (
      <span className="strike break-all" style={DANGER_TEXT} data-testid="unsafe-url" title={href.slice(0, 300)}>
        {href.slice(0, 120)}
      </span>
    )
  }
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" className="c-link hover-c-link no-underline">
      {children}
      <span className="ml1 v-mid">
        <IconExternalLinkMini size={10} />
      </span>
    </a>
  )
}
