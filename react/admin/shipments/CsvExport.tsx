import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { ButtonWithIcon, Dropdown, IconDownload } from 'vtex.styleguide'

import { adminApi } from '../api/client'
import type { ShipmentFilters, ShipmentQuery } from '../api/types'
import { shipmentMessages as m } from '../i18n/messages'
import { useStoreClock } from '../shared/StoreContext'

type Separator = 'comma' | 'semicolon'

/** The export link: the current filter, in the admin's language and the store's zone, with a separator to choose. */
export function CsvExport({ filters, query }: { filters: ShipmentFilters; query: ShipmentQuery }) {
  const intl = useIntl()
  const { timeZone } = useStoreClock()
  const locale = intl.locale.slice(0, 2) === 'pt' ? 'pt' : intl.locale.slice(0, 2) === 'es' ? 'es' : 'en'
  // Spreadsheets in Portuguese and Spanish use the comma as decimal mark and split on semicolons.
  const [sep, setSep] = useState<Separator>(locale === 'en' ? 'comma' : 'semicolon')
  return (
    <div className="flex items-end">
      <span className="mr3" data-testid="csv-separator">
        <Dropdown
          size="small"
          label={intl.formatMessage(m.csvSeparator)}
          options={[
            { value: 'comma', label: intl.formatMessage(m.csvComma) },
            { value: 'semicolon', label: intl.formatMessage(m.csvSemicolon) },
          ]}
          value={sep}
          onChange={(_event, value) => setSep(value === 'semicolon' ? 'semicolon' : 'comma')}
        />
      </span>
      <span data-testid="export-csv">
        <ButtonWithIcon
          icon={<IconDownload />}
          variation="secondary"
          href={adminApi.csvUrl({ ...filters, sort: query.sort, dir: query.dir }, { locale, sep, tz: timeZone })}
          download="shipments.csv"
        >
          {intl.formatMessage(m.exportCsv)}
        </ButtonWithIcon>
      </span>
    </div>
  )
}
