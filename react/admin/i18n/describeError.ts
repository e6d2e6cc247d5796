import type { IntlShape } from 'react-intl'

import type { ApiError } from '../api/client'
import { errorMessages } from './messages'

/** One clear sentence for a failed API call, chosen by HTTP status; the server's message is kept. */
export function describeError(intl: IntlShape, error: ApiError): string {
  const message = error.message || error.code
  switch (error.status) {
    case 0:
      return intl.formatMessage(errorMessages.network)
    case 401:
    case 403:
      return intl.formatMessage(errorMessages.forbidden)
    case 400:
      return intl.formatMessage(errorMessages.badRequest, { message })
    case 404:
      return intl.formatMessage(errorMessages.notFound, { message })
    case 502:
    case 503:
    case 504:
      return intl.formatMessage(errorMessages.unavailable, { message })
    default:
      return intl.formatMessage(errorMessages.unexpected, { status: error.status, message })
  }
}
