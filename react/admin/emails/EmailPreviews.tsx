import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { Dropdown, PageBlock } from 'vtex.styleguide'

import { useApi } from '../api/useApi'
import { Loader } from '../shared/Loader'
import { emailApi } from './api'
import { emailMessages as m, kindLabel, localeLabel } from './messages'
import type { EmailLocale, NoticeKind } from './types'

/**
 * The app's customer emails as shoppers will read them, per template and language (the app's own
 * templates, rendered with sample data), and how many shipments sent, failed or suppressed emails.
 */
export function EmailPreviews({ counts }: { counts: { sent: number; suppressed: number; failed: number } }) {
  const intl = useIntl()
  const previews = useApi(() => emailApi.previews(), 'email-previews')
  const [kind, setKind] = useState<NoticeKind>('out_for_delivery')
  const [locale, setLocale] = useState<EmailLocale>('en')
  return (
    <PageBlock title={intl.formatMessage(m.previewsTitle)} variation="full">
      <div data-testid="email-previews">
        <p className="t-small c-muted-1 mt0" data-testid="email-counts">
          {intl.formatMessage(m.countsSummary, counts)}
        </p>
        <p className="t-small c-on-base">{intl.formatMessage(m.previewsIntro)}</p>
        <Loader state={previews}>
          {(list) => {
            const kinds = list.filter((p) => p.locale === 'en').map((p) => p.kind)
            const current = list.find((p) => p.kind === kind && p.locale === locale) ?? list[0]
            return (
              <>
                <div className="flex flex-wrap mb4">
                  <div className="mr4 mb3" style={{ minWidth: 240 }}>
                    <Dropdown
                      label={intl.formatMessage(m.previewKind)}
                      testId="preview-kind"
                      options={kinds.map((value) => ({ value, label: kindLabel(intl, value) }))}
                      value={kind}
                      onChange={(_event, value) => setKind(value as NoticeKind)}
                    />
                  </div>
                  <div className="mb3" style={{ minWidth: 160 }}>
                    <Dropdown
                      label={intl.formatMessage(m.previewLocale)}
                      testId="preview-locale"
                      options={(['en', 'pt', 'es'] as const).map((value) => ({
                        value,
                        label: localeLabel(intl, value),
                      }))}
                      value={locale}
                      onChange={(_event, value) => setLocale(value as EmailLocale)}
                    />
                  </div>
                </div>
                {current && (
                  <>
                    <div className="t-small mb2">
                      <span className="c-muted-1">{`${intl.formatMessage(m.previewSubject)}: `}</span>
                      <span className="b" data-testid="preview-subject">
                        {current.subject}
                      </span>
                      <span className="c-muted-1">{` · ${current.templateName}`}</span>
                    </div>
                    {!current.enabled && (
                      <div className="t-small c-warning mb2">{intl.formatMessage(m.previewDisabled)}</div>
                    )}
                    <iframe
                      title={current.templateName}
                      sandbox=""
                      srcDoc={current.html}
                      className="w-100 ba b--muted-4 br2"
                      style={{ height: 380 }}
                    />
                  </>
                )}
              </>
            )
          }}
        </Loader>
      </div>
    </PageBlock>
  )
}
