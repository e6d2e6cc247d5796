/**
 * The soak's faults, as POST /_emulator/faults bodies. Each carrier call is faulted about 20% of
 * the time (5xx, 429 with Retry-After, a malformed body, a slow answer, a hang), and so is each
 * Master Data and Orders API call the app makes (5xx, 429). The ERP's own invoicing calls (POST)
 * are left alone: they stand for the store, not for the app.
 */
const CARRIERS = [
  { host: 'api.correios.com.br', pathIncludes: '/srorastro/' },
  { host: 'onlinetools.ups.com', pathIncludes: '/track/v1/' },
]

const carrierFaults = CARRIERS.flatMap((target) => [
  { ...target, probability: 0.06, status: 503, body: { message: 'Service Unavailable' } },
  {
    ...target,
    probability: 0.04,
    status: 429,
    headers: { 'retry-after': '600' },
    body: { message: 'Too Many Requests' },
  },
  {
    ...target,
    probability: 0.04,
    status: 200,
    headers: { 'content-type': 'text/html' },
    body: '<html>maintenance</html>',
  },
  { ...target, probability: 0.04, delayMs: 2500 },
  { ...target, probability: 0.02, hang: true },
])

const MASTER_DATA = { host: 'api.vtex.com', pathIncludes: '/api/dataentities/' }
const ORDERS = { host: 'portal.vtexcommercestable.com.br', pathIncludes: '/api/oms/' }

const platformFaults = [MASTER_DATA, ORDERS].flatMap((target) =>
  ['GET', 'PATCH', 'PUT', 'POST'].flatMap((method) =>
    target === ORDERS && method === 'POST'
      ? []
      : [
          { ...target, method, probability: 0.12, status: 503, body: { message: 'Service Unavailable' } },
          {
            ...target,
            method,
            probability: 0.08,
            status: 429,
            headers: { 'retry-after': '30' },
            body: { message: 'Too Many Requests' },
          },
        ]
  )
)

export const SOAK_FAULTS: Array<Record<string, unknown>> = [...carrierFaults, ...platformFaults]
