/** How a document is stored: user fields plus the system fields the real API returns with `_fields=_all`. */
import { createHash } from 'crypto'

import { badRequest } from './errors'
import type { Doc } from './schema'
import { isObject, SYSTEM_FIELDS } from './schema'

/** The stored JSON: user fields then system fields, built as text so bulk loads skip an object copy. */
export function serializeDoc(
  scope: { account: string; entity: string },
  id: string,
  fields: Doc,
  createdIn: string,
  updatedIn: string
): string {
  const system = JSON.stringify({
    id,
    accountId: accountIdOf(scope.account),
    accountName: scope.account,
    dataEntityId: scope.entity,
    createdIn,
    updatedIn,
  })
  const user = JSON.stringify(SYSTEM_FIELDS.some((key) => key in fields) ? userFields(fields) : fields)
  return user === '{}' ? system : `${user.slice(0, -1)},${system.slice(1)}`
}

export function idOf(fields: Doc): string | undefined {
  const id = fields.id
  if (id === undefined || id === null || id === '') return undefined
  if (typeof id !== 'string' && typeof id !== 'number')
    throw badRequest("Invalid information in JSON: 'id' must be a string")
  return String(id)
}

export function userFields(fields: Doc): Doc {
  if (!isObject(fields)) throw badRequest('Invalid information in JSON: the document must be a JSON object')
  // Copy without `delete`, which would push V8 objects into slow dictionary mode (bulkInsert copies 100k).
  const copy: Doc = {}
  for (const key of Object.keys(fields)) if (!SYSTEM_FIELD_SET.has(key)) copy[key] = fields[key]
  return copy
}

const SYSTEM_FIELD_SET: ReadonlySet<string> = new Set(SYSTEM_FIELDS)

const accountIds = new Map<string, string>()

/** A stable per-account UUID, standing in for the License Manager account id the real API returns. */
export function accountIdOf(account: string): string {
  const cached = accountIds.get(account)
  if (cached) return cached
  const hex = createHash('md5').update(`account:${account}`).digest('hex')
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  accountIds.set(account, id)
  return id
}
