import React from 'react'
import { useIntl } from 'react-intl'

import type { Overview } from '../api/types'
import { overviewMessages as m } from '../i18n/messages'
import { useFormat } from '../shared/useFormat'

/** The schedule in force, so the merchant knows what "stuck" and "expired" mean on this page. */
export function SettingsSummary({
  settings,
  store,
  carrierNames,
}: {
  settings: Overview['settings']
  store: Overview['store'] | undefined
  carrierNames: string[]
}) {
  const intl = useIntl()
  const format = useFormat()
  return (
    <div className="t-small c-on-base mb5 lh-copy" data-testid="settings-summary">
      <div>
        {intl.formatMessage(m.settingsSummary, {
          interval: format.number(settings.pollingIntervalHours),
          window: format.number(settings.trackingWindowDays),
          stuck: format.number(settings.stuckAfterHours),
        })}
      </div>
      <div>
        {carrierNames.length > 0
          ? intl.formatMessage(m.settingsCarriers, { carriers: carrierNames.join(', ') })
          : intl.formatMessage(m.settingsNoCarriers)}
      </div>
      {store && (
        <div data-testid="store-time-zone">
          {intl.formatMessage(m.settingsTimeZone, { zone: store.timeZone, source: store.timeZoneSource })}
        </div>
      )}
    </div>
  )
}
