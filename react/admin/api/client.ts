import type {
  BackfillStart,
  CarrierCode,
  Charts,
  IncidentAckInput,
  Overview,
  RefreshResult,
  SetStatusInput,
  ShipmentDetail,
  ShipmentFilters,
  ShipmentPage,
  ShipmentQuery,
} from './types'

/**
 * Same-origin REST routes of the app's node service. `/_v/private` makes the VTEX edge forward
 * the admin's `VtexIdclientAutCookie` and skip caching; the browser sends the cookie itself.
 */
export const API_BASE = '/_v/private/order-tracking/admin'

/**
 * Sent with every call: the service refuses writes without it (node/routes/admin/refuseCrossSite.ts
 * checks the same name and value). A cross-origin page cannot set it without a CORS preflight.
 */
const ADMIN_REQUEST_HEADER = { 'x-order-tracking-admin': '1' } as const

/** A failed call: the HTTP status (0 when the server could not be reached) and the API's error body. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    /** The API's machine-readable `error`, e.g. "forbidden"; "network" or "invalid_response" locally. */
    public readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

interface ErrorBody {
  error?: unknown
  message?: unknown
}

export async function request<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...ADMIN_REQUEST_HEADER,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error))
  }
  const text = await response.text()
  const parsed = parseJson(text)
  if (!response.ok) {
    const body = (parsed ?? {}) as ErrorBody
    throw new ApiError(
      response.status,
      typeof body.error === 'string' ? body.error : `http_${response.status}`,
      typeof body.message === 'string' ? body.message : text.slice(0, 300)
    )
  }
  if (parsed === undefined) throw new ApiError(response.status, 'invalid_response', text.slice(0, 300))
  return parsed as T
}

function parseJson(text: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** Query string of a filter set: empty values are left out so the server applies no filter. */
export function toSearch(query: object): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  return params.toString()
}

export const adminApi = {
  overview: (): Promise<Overview> => request<Overview>('/overview'),
  charts: (): Promise<Charts> => request<Charts>('/charts'),
  shipments: (query: ShipmentQuery): Promise<ShipmentPage> => request<ShipmentPage>(`/shipments?${toSearch(query)}`),
  shipment: async (id: string): Promise<ShipmentDetail> =>
    (await request<{ shipment: ShipmentDetail }>(`/shipments/${encodeURIComponent(id)}`)).shipment,
  refresh: (ids: string[]): Promise<RefreshResult> =>
    request<RefreshResult>('/refresh-shipments', { method: 'POST', body: { ids } }),
  setCarrier: async (id: string, carrier: CarrierCode): Promise<ShipmentDetail> =>
    (
      await request<{ shipment: ShipmentDetail }>(`/shipments/${encodeURIComponent(id)}/carrier`, {
        method: 'POST',
        body: { carrier },
      })
    ).shipment,
  setStatus: async (id: string, input: SetStatusInput): Promise<ShipmentDetail> =>
    (
      await request<{ shipment: ShipmentDetail }>(`/shipments/${encodeURIComponent(id)}/status`, {
        method: 'POST',
        body: input,
      })
    ).shipment,
  actOnIncident: async (id: string, input: IncidentAckInput): Promise<ShipmentDetail> =>
    (
      await request<{ shipment: ShipmentDetail }>(`/shipments/${encodeURIComponent(id)}/incidents`, {
        method: 'POST',
        body: input,
      })
    ).shipment,
  backfill: (): Promise<BackfillStart> => request<BackfillStart>('/backfill', { method: 'POST', body: {} }),
  /** The CSV export of the current filter (and sort), downloaded by the browser with the admin cookie. */
  csvUrl: (
    filters: ShipmentFilters & Partial<Pick<ShipmentQuery, 'sort' | 'dir'>>,
    file: { locale: 'en' | 'pt' | 'es'; sep: 'comma' | 'semicolon'; tz: string }
  ): string => {
    const search = toSearch({ ...filters, ...file })
    return `${API_BASE}/shipments.csv${search ? `?${search}` : ''}`
  },
}

export type AdminApi = typeof adminApi
