import { InvalidInputError, SettingsError } from '../../errors'

/**
 * Pure request builders for the UPS Track API v1 and the OAuth client-credentials token call
 * (shared/contracts/carriers/ups/Tracking.yaml, OAuthClientCredentials.yaml). No I/O: the client
 * in ./client.ts sends what these return.
 */

/** What a merchant configures for UPS. `environment` picks CIE (sandbox) or production. */
export interface UpsCredentials {
  clientId: string
  clientSecret: string
  /** 6-digit UPS account number; sent as x-merchant-id on the token call when present. */
  accountNumber?: string
  environment?: 'production' | 'sandbox'
}

/** Identifies this app to UPS; the Track API requires the header on every call. */
export const UPS_TRANSACTION_SRC = 'vtex-order-tracking'
export const UPS_TOKEN_PATH = '/security/v1/oauth/token'
export const UPS_TRACK_PATH_PREFIX = '/api/track/v1/details/'
/** UPS documents no limit for transId; 32 characters is what its own samples use and accept. */
export const UPS_MAX_TRANS_ID_LENGTH = 32

export interface UpsTrackRequest {
  path: string
  query: { locale: 'en_US'; returnSignature: 'false'; returnMilestones: 'false'; returnPOD: 'false' }
  headers: { transId: string; transactionSrc: string }
}

export interface UpsTokenRequest {
  path: typeof UPS_TOKEN_PATH
  headers: Record<string, string>
  body: 'grant_type=client_credentials'
}

/** Tracking numbers arrive from invoices with spaces and in any case ("1z 8v9 ..."). */
export const normalizeInquiryNumber = (inquiryNumber: string): string => inquiryNumber.replace(/\s+/g, '').toUpperCase()

/**
 * GET /api/track/v1/details/{inquiryNumber}. Signature, milestones and POD are turned off: the app
 * never shows them, and the signature image is personal data we must not store.
 */
export function buildTrackRequest(inquiryNumber: string, transId: string): UpsTrackRequest {
  const number = normalizeInquiryNumber(inquiryNumber)
  // The spec allows 7-34 characters; letters and digits only also keeps the path segment safe.
  if (!/^[A-Z0-9]{7,34}$/.test(number)) {
    throw new InvalidInputError(`UPS inquiry numbers are 7-34 letters or digits, got "${inquiryNumber}"`)
  }
  if (transId.length === 0 || transId.length > UPS_MAX_TRANS_ID_LENGTH || !/^[A-Za-z0-9-]+$/.test(transId)) {
    // A caller bug, not bad input: the client generates transIds.
    throw new RangeError(`transId must be 1-${UPS_MAX_TRANS_ID_LENGTH} letters, digits or dashes`)
  }
  return {
    path: `${UPS_TRACK_PATH_PREFIX}${number}`,
    query: { locale: 'en_US', returnSignature: 'false', returnMilestones: 'false', returnPOD: 'false' },
    headers: { transId, transactionSrc: UPS_TRANSACTION_SRC },
  }
}

/** POST /security/v1/oauth/token with client_secret_basic, as the OAuth spec's security scheme says. */
export function buildTokenRequest(credentials: Omit<UpsCredentials, 'environment'>): UpsTokenRequest {
  const clientId = credentials.clientId.trim()
  const clientSecret = credentials.clientSecret.trim()
  if (!clientId || !clientSecret) throw new SettingsError('UPS needs both a client id and a client secret')
  const headers: Record<string, string> = {
    Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`,
    'Content-Type': 'application/x-www-form-urlencoded',
  }
  const accountNumber = credentials.accountNumber?.trim()
  if (accountNumber) headers['x-merchant-id'] = accountNumber
  return { path: UPS_TOKEN_PATH, headers, body: 'grant_type=client_credentials' }
}
