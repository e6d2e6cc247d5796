/**
 * The destination's time zone from the shipping address (country ISO-3 as VTEX stores it, and the
 * state), for quiet hours. Countries with one zone map directly; Brazil, the US and Mexico by state.
 * Unknown places give null: the schedule then has no quiet hours rather than wrong ones.
 */
const COUNTRY_ZONES: Record<string, string> = {
  BRA: 'America/Sao_Paulo',
  ARG: 'America/Argentina/Buenos_Aires',
  CHL: 'America/Santiago',
  COL: 'America/Bogota',
  PER: 'America/Lima',
  URY: 'America/Montevideo',
  PRY: 'America/Asuncion',
  ECU: 'America/Guayaquil',
  BOL: 'America/La_Paz',
  MEX: 'America/Mexico_City',
  USA: 'America/New_York',
  CAN: 'America/Toronto',
  ESP: 'Europe/Madrid',
  PRT: 'Europe/Lisbon',
  GBR: 'Europe/London',
  FRA: 'Europe/Paris',
  DEU: 'Europe/Berlin',
  ITA: 'Europe/Rome',
}

const BRAZIL_STATES: Record<string, string> = {
  AM: 'America/Manaus',
  RR: 'America/Boa_Vista',
  RO: 'America/Porto_Velho',
  AC: 'America/Rio_Branco',
  MT: 'America/Cuiaba',
  MS: 'America/Campo_Grande',
}

const US_STATES: Record<string, string> = {
  ...Object.fromEntries(
    ['AL', 'AR', 'IL', 'IA', 'KS', 'LA', 'MN', 'MS', 'MO', 'NE', 'ND', 'OK', 'SD', 'TN', 'TX', 'WI'].map((s) => [
      s,
      'America/Chicago',
    ])
  ),
  ...Object.fromEntries(['CO', 'MT', 'NM', 'UT', 'WY', 'ID'].map((s) => [s, 'America/Denver'])),
  AZ: 'America/Phoenix',
  ...Object.fromEntries(['CA', 'NV', 'OR', 'WA'].map((s) => [s, 'America/Los_Angeles'])),
  AK: 'America/Anchorage',
  HI: 'Pacific/Honolulu',
}

const MEXICO_STATES: Record<string, string> = {
  BC: 'America/Tijuana',
  BCN: 'America/Tijuana',
  SON: 'America/Hermosillo',
  BCS: 'America/Mazatlan',
  SIN: 'America/Mazatlan',
  NAY: 'America/Mazatlan',
  ROO: 'America/Cancun',
}

export function destinationTimeZone(
  country: string | null | undefined,
  state: string | null | undefined
): string | null {
  const code = (country ?? '').trim().toUpperCase()
  const region = (state ?? '').trim().toUpperCase()
  const byState = code === 'BRA' ? BRAZIL_STATES : code === 'USA' ? US_STATES : code === 'MEX' ? MEXICO_STATES : {}
  return byState[region] ?? COUNTRY_ZONES[code] ?? null
}
