import React from 'react'
import type { ReactNode } from 'react'

/** A label above a value, in a wrapping grid. */
export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="w-50 w-third-ns pr4 mb4" data-testid={testId}>
      <div className="t-mini c-muted-1 mb1">{label}</div>
      <div className="t-small c-on-base lh-copy" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </div>
    </div>
  )
}

export function Facts({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap">{children}</div>
}

export function SectionTitle({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h3 className="t-heading-5 c-on-base mt6 mb4" id={id}>
      {children}
    </h3>
  )
}
