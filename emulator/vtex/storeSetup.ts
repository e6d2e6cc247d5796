/**
 * The store's calendar as VTEX serves it, per account:
 * - Catalog `GET /api/catalog_system/pvt/saleschannel/list`: the sales channels, each with its
 *   `TimeZone` as VTEX stores it, a Windows zone name ("E. South America Standard Time").
 * - Logistics holidays (contract "VTEX - Logistics API.json"): `GET /api/logistics/pvt/configuration/holidays`,
 *   `GET|PUT|DELETE .../holidays/{holidayId}` (PUT body `{ name, startDate: "YYYY-MM-DD" }`).
 * Reached as `portal.vtexcommercestable.com.br/...?an={account}` (JanusClient) or
 * `{account}.vtexcommercestable.com.br/...`; both need VtexIdclientAutCookie or the appKey/appToken
 * pair (401 otherwise), like the other private VTEX APIs the emulator serves.
 */
import type { EmuModule, EmuRequest, EmuResponse } from '../http'
import { accountOf, header, json } from '../http'

const SHARED_HOST = 'portal.vtexcommercestable.com.br'
const ACCOUNT_HOST = /^[a-z0-9-]+\.vtexcommercestable\.com\.br$/
const SALES_CHANNELS = '/api/catalog_system/pvt/saleschannel/list'
const HOLIDAYS = '/api/logistics/pvt/configuration/holidays'

/** Windows zone names VTEX stores, for the IANA zones tests and the demo use. */
export const WINDOWS_ZONE_OF: Readonly<Record<string, string>> = {
  'America/Sao_Paulo': 'E. South America Standard Time',
  'America/Mexico_City': 'Central Standard Time (Mexico)',
  'America/Bogota': 'SA Pacific Standard Time',
  'America/Lima': 'SA Pacific Standard Time',
  'America/Santiago': 'Pacific SA Standard Time',
  'America/Argentina/Buenos_Aires': 'Argentina Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'Europe/London': 'GMT Standard Time',
  UTC: 'UTC',
}

interface Holiday {
  id: string
  name: string
  startDate: string
}

interface StoreState {
  timeZone: string
  holidays: Map<string, Holiday>
}

export interface StoreSetup {
  module: EmuModule
  /** Sets the main sales channel's zone: an IANA name from WINDOWS_ZONE_OF, or a Windows name. */
  setTimeZone(account: string, zone: string): string
  putHoliday(account: string, holiday: Holiday): void
  holidays(account: string): Holiday[]
}

export function createStoreSetup(): StoreSetup {
  const stores = new Map<string, StoreState>()
  const state = (account: string): StoreState => {
    let found = stores.get(account)
    if (!found) {
      found = { timeZone: 'E. South America Standard Time', holidays: new Map() }
      stores.set(account, found)
    }
    return found
  }
  return {
    module: { name: 'store-setup', handle: (req) => handle(state, req) },
    setTimeZone: (account, zone) => {
      const windows = WINDOWS_ZONE_OF[zone] ?? (Object.values(WINDOWS_ZONE_OF).includes(zone) ? zone : undefined)
      if (!windows) {
        throw new RangeError(`unknown zone ${zone}: use one of ${Object.keys(WINDOWS_ZONE_OF).join(', ')}`)
      }
      state(account).timeZone = windows
      return windows
    },
    putHoliday: (account, holiday) => {
      state(account).holidays.set(holiday.id, holiday)
    },
    holidays: (account) => [...state(account).holidays.values()],
  }
}

function handle(state: (account: string) => StoreState, req: EmuRequest): EmuResponse | undefined {
  if (req.host !== SHARED_HOST && !ACCOUNT_HOST.test(req.host)) return undefined
  const isChannels = req.path === SALES_CHANNELS
  const isHolidays = req.path === HOLIDAYS || req.path.startsWith(`${HOLIDAYS}/`)
  if (!isChannels && !isHolidays) return undefined
  const account = req.host === SHARED_HOST ? req.query.get('an') : accountOf(req)
  if (!account) return json(400, { error: { message: `Missing account: call ${SHARED_HOST} with ?an={accountName}` } })
  if (!isAuthenticated(req)) return json(401, { error: { code: '401', message: 'Unauthorized', exception: null } })
  const store = state(account)
  if (isChannels) return req.method === 'GET' ? json(200, salesChannels(store)) : methodNotAllowed()
  const id = req.path.slice(HOLIDAYS.length + 1)
  if (!id) return req.method === 'GET' ? json(200, [...store.holidays.values()].map(view)) : methodNotAllowed()
  const existing = store.holidays.get(id)
  switch (req.method) {
    case 'GET':
      return existing ? json(200, view(existing)) : notFound(id)
    case 'DELETE':
      store.holidays.delete(id)
      return { status: 204 }
    case 'PUT': {
      const body = req.body as { name?: unknown; startDate?: unknown } | undefined
      const name = typeof body?.name === 'string' ? body.name : ''
      const startDate = typeof body?.startDate === 'string' ? body.startDate : ''
      if (!name || !/^\d{4}-\d{2}-\d{2}$/.test(startDate)) {
        return json(400, {
          error: { code: '400', message: 'name and startDate (YYYY-MM-DD) are required', exception: null },
        })
      }
      store.holidays.set(id, { id, name, startDate })
      return json(200, view({ id, name, startDate }))
    }
    default:
      return methodNotAllowed()
  }
}

/** Either VtexIdclientAutCookie or the appKey + appToken pair. */
function isAuthenticated(req: EmuRequest): boolean {
  if (header(req, 'vtexidclientautcookie')) return true
  return Boolean(header(req, 'x-vtex-api-appkey') && header(req, 'x-vtex-api-apptoken'))
}

/** Dates come back as the platform keeps them: midnight, no offset. */
const view = (holiday: Holiday): Holiday => ({ ...holiday, startDate: `${holiday.startDate}T00:00:00` })

const notFound = (id: string): EmuResponse =>
  json(404, { error: { code: '404', message: `Holiday ${id} not found`, exception: null } })
const methodNotAllowed = (): EmuResponse => json(405, { error: { code: '405', message: 'Method not allowed' } })

function salesChannels(store: StoreState): unknown[] {
  return [
    {
      Id: 1,
      Name: 'Loja principal',
      IsActive: true,
      ProductClusterId: null,
      CountryCode: 'BRA',
      CultureInfo: 'pt-BR',
      TimeZone: store.timeZone,
      CurrencyCode: 'BRL',
      CurrencySymbol: 'R$',
      CurrencyLocale: 1046,
      CurrencyFormatInfo: {
        CurrencyDecimalDigits: 2,
        CurrencyDecimalSeparator: ',',
        CurrencyGroupSeparator: '.',
        CurrencyGroupSize: 3,
        StartsWithCurrencySymbol: true,
      },
      Origin: null,
      Position: 1,
      ConditionRule: null,
      CurrencyDecimalDigits: null,
    },
  ]
}
