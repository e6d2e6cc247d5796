import React from 'react'
import { useIntl } from 'react-intl'
import { Card, PageBlock } from 'vtex.styleguide'

import type { AttentionCounts, ShipmentFilters } from '../api/types'
import { attentionMessages } from '../i18n/messages'
import { useFormat } from '../shared/useFormat'
import { useNarrow } from '../shared/useNarrow'
import { ATTENTION_CARDS } from './attention'

const COLOR = { danger: 'c-danger', warning: 'c-warning' } as const

/** One counter per queue of open incidents, each a door to the shipments behind it. */
export function AttentionCards({
  attention,
  stuckAfterHours,
  onOpen,
}: {
  attention: AttentionCounts
  stuckAfterHours: number
  onOpen: (filters: ShipmentFilters) => void
}) {
  const intl = useIntl()
  const format = useFormat()
  const allClear = ATTENTION_CARDS.every((card) => !attention[card.key])
  // Phones: two compact counters a row, the help in small print.
  const compact = useNarrow()
  return (
    <PageBlock
      title={intl.formatMessage(attentionMessages.title)}
      subtitle={intl.formatMessage(allClear ? attentionMessages.allClear : attentionMessages.subtitle)}
    >
      <div className={`flex flex-wrap ${compact ? 'nl2 nr2' : 'nl3 nr3'} nb3`}>
        {ATTENTION_CARDS.map((card) => {
          const count = attention[card.key] ?? 0
          return (
            <div key={card.key} className={`w-50 w-50-m w-20-l ${compact ? 'pa2' : 'pa3'}`} data-part-of={card.partOf}>
              <div
                role="button"
                tabIndex={0}
                className={`pointer h-100 dim ${card.partOf ? 'bl bw2 b--muted-4' : ''}`}
                data-testid={`attention-${card.key}`}
                onClick={() => onOpen({ view: card.view })}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault()
                    onOpen({ view: card.view })
                  }
                }}
              >
                <Card>
                  <div
                    className={`${compact ? 't-heading-4' : 't-heading-2'} fw6 ${count > 0 ? COLOR[card.severity] : 'c-muted-3'}`}
                    data-testid="attention-count"
                  >
                    {format.number(count)}
                  </div>
                  <div className="t-body fw5 c-on-base mt2">{intl.formatMessage(card.label)}</div>
                  <div
                    className={`${compact ? 't-mini' : 't-small'} c-muted-1 mt1 lh-copy`}
                    style={{ minHeight: compact ? undefined : '2.6rem' }}
                  >
                    {intl.formatMessage(card.help, { hours: stuckAfterHours })}
                  </div>
                </Card>
              </div>
            </div>
          )
        })}
      </div>
    </PageBlock>
  )
}
