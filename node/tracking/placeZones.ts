/**
 * Where a carrier event happened -> the IANA zone its local clock follows. Used only when a carrier
 * sends a wall-clock time without an offset: the zone comes from the event's own location, never
 * from a fixed app-wide guess.
 *
 * Countries with one zone map directly. Countries with several zones are resolved by state or
 * province when the carrier gives one; without it, the zone where most people live stands in,
 * which can be an hour or two off but never puts an event on the wrong side of a neighbour.
 */

/** Single-zone countries (and the most-populous zone of multi-zone ones), ISO 3166-1 alpha-2. */
const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  AR: 'America/Argentina/Buenos_Aires',
  AT: 'Europe/Vienna',
  AU: 'Australia/Sydney',
  BE: 'Europe/Brussels',
  BO: 'America/La_Paz',
  BR: 'America/Sao_Paulo',
  CA: 'America/Toronto',
  CH: 'Europe/Zurich',
  CL: 'America/Santiago',
  CN: 'Asia/Shanghai',
  CO: 'America/Bogota',
  CR: 'America/Costa_Rica',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  DO: 'America/Santo_Domingo',
  EC: 'America/Guayaquil',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GT: 'America/Guatemala',
  HK: 'Asia/Hong_Kong',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IL: 'Asia/Jerusalem',
  IN: 'Asia/Kolkata',
  IT: 'Europe/Rome',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  LU: 'Europe/Luxembourg',
  MX: 'America/Mexico_City',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  NZ: 'Pacific/Auckland',
  PA: 'America/Panama',
  PE: 'America/Lima',
  PL: 'Europe/Warsaw',
  PR: 'America/Puerto_Rico',
  PT: 'Europe/Lisbon',
  PY: 'America/Asuncion',
  SE: 'Europe/Stockholm',
  SG: 'Asia/Singapore',
  TW: 'Asia/Taipei',
  AE: 'Asia/Dubai',
  US: 'America/New_York',
  UY: 'America/Montevideo',
  VE: 'America/Caracas',
  ZA: 'Africa/Johannesburg',
}

/** Zone -> space-separated state codes, per multi-zone country; a state with several zones takes its most-populous one. */
const STATE_ZONES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  US: {
    'America/New_York': 'CT DC DE FL GA MA MD ME NC NH NJ NY OH PA RI SC VA VT WV',
    'America/Detroit': 'MI',
    'America/Indiana/Indianapolis': 'IN',
    'America/Kentucky/Louisville': 'KY',
    'America/Chicago': 'AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI',
    'America/Denver': 'CO MT NM UT WY',
    'America/Boise': 'ID',
    'America/Phoenix': 'AZ',
    'America/Los_Angeles': 'CA NV OR WA',
    'America/Anchorage': 'AK',
    'Pacific/Honolulu': 'HI',
    'America/Puerto_Rico': 'PR VI',
    'Pacific/Guam': 'GU MP',
    'Pacific/Pago_Pago': 'AS',
  },
  BR: {
    'America/Sao_Paulo': 'SP RJ MG ES PR SC RS GO DF',
    'America/Bahia': 'BA',
    'America/Fortaleza': 'CE MA PI RN PB',
    'America/Recife': 'PE',
    'America/Maceio': 'AL SE',
    'America/Belem': 'PA AP',
    'America/Araguaina': 'TO',
    'America/Cuiaba': 'MT',
    'America/Campo_Grande': 'MS',
    'America/Manaus': 'AM',
    'America/Porto_Velho': 'RO',
    'America/Boa_Vista': 'RR',
    'America/Rio_Branco': 'AC',
  },
  CA: {
    'America/Toronto': 'ON QC',
    'America/Halifax': 'NS PE NB',
    'America/St_Johns': 'NL',
    'America/Winnipeg': 'MB',
    'America/Regina': 'SK',
    'America/Edmonton': 'AB NT',
    'America/Vancouver': 'BC',
    'America/Whitehorse': 'YT',
    'America/Iqaluit': 'NU',
  },
  MX: {
    'America/Mexico_City':
      'AGU CAM CHP COA COL CMX DUR GRO GUA HID JAL MEX MIC MOR NLE OAX PUE QUE SLP TAB TAM TLA VER YUC ZAC',
    'America/Cancun': 'ROO',
    'America/Mazatlan': 'BCS NAY SIN',
    'America/Hermosillo': 'SON',
    'America/Chihuahua': 'CHH',
    'America/Tijuana': 'BCN',
  },
  AU: {
    'Australia/Sydney': 'NSW ACT',
    'Australia/Melbourne': 'VIC',
    'Australia/Brisbane': 'QLD',
    'Australia/Adelaide': 'SA',
    'Australia/Perth': 'WA',
    'Australia/Hobart': 'TAS',
    'Australia/Darwin': 'NT',
  },
}

const STATE_LOOKUP: ReadonlyMap<string, string> = new Map(
  Object.entries(STATE_ZONES).flatMap(([country, zones]) =>
    Object.entries(zones).flatMap(([zone, states]) =>
      states.split(' ').map((state) => [`${country}:${state}`, zone] as const)
    )
  )
)

/** Common three-letter and name forms carriers send instead of alpha-2. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  USA: 'US',
  'UNITED STATES': 'US',
  BRA: 'BR',
  BRAZIL: 'BR',
  BRASIL: 'BR',
  CAN: 'CA',
  MEX: 'MX',
  DEU: 'DE',
  GERMANY: 'DE',
  NLD: 'NL',
  GBR: 'GB',
}

const normaliseCountry = (country: string | undefined): string | undefined => {
  const upper = country?.trim().toUpperCase()
  if (!upper) return undefined
  return COUNTRY_ALIASES[upper] ?? upper
}

/**
 * The IANA zone of a place, or undefined when the country is unknown. `state` is the state or
 * province code as carriers send it ("IL", "SP", "ON"); it matters only in multi-zone countries.
 */
export function zoneOfPlace(place: { country?: string; state?: string }): string | undefined {
  const country = normaliseCountry(place.country)
  if (country === undefined) return undefined
  const state = place.state?.trim().toUpperCase()
  if (state) {
    const byState = STATE_LOOKUP.get(`${country}:${state}`)
    if (byState) return byState
  }
  return COUNTRY_ZONES[country]
}
