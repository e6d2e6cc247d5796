/**
 * Master Data v2 subset of the local VTEX emulator (SQLite-backed). Decisions where the docs are silent:
 * - `_fields` absent → id, accountId, accountName, dataEntityId (the spec's examples) + schema `v-default-fields`;
 *   `_all` → everything incl. createdIn/updatedIn; a list → only those fields, absent ones omitted.
 * - REST-Range absent → first 15; more than 100 per page → 400; `to` > 10,000 → 400 (use /scroll).
 *   REST-Content-Range is `resources {from}-{from+returned}/{total}` (the spec text's form).
 * - `_schema` naming an existing schema: writes are validated (JSON Schema, 400 on failure) and `_where`/`_sort`
 *   fields must be `v-indexed` (or id/createdIn/updatedIn), else 400. Unknown or absent `_schema`: no checks.
 * - POST with a body `id` replaces that document; PATCH /documents/{id} on a missing id → 404 (use PATCH
 *   /documents to upsert); DELETE of a missing id → 404; `_where` on document writes → 400 (not emulated).
 * - Scroll: ids are snapshotted on the first call; X-VTEX-MD-TOKEN and REST-Content-Total on every page;
 *   tokens expire after 20 idle minutes; the 10-concurrent-scrolls limit is not enforced.
 * - GET /schemas with exactly one schema returns that schema object, as the spec describes.
 */
export { createMasterDataModule } from './module'
export { MasterDataStore, accountIdOf } from './store'
export type {
  Doc,
  EntityScope,
  ParsedSchema,
  ScrollPage,
  ScrollQuery,
  SearchQuery,
  StoreOptions,
  WriteResult,
} from './store'
export { MasterDataError } from './errors'
export { DEFAULT_RANGE, MAX_PAGE_SIZE, MAX_SEARCH_WINDOW, parseRange } from './query'
export { MAX_SCROLL_SIZE, SCROLL_TTL_MS } from './scroll'
export { parseWhere, fieldsOf, WhereSyntaxError } from './where'
export type { Comparison, WhereNode, WhereValue } from './where'
export { compileWhere, jsonField } from './whereSql'
export type { CompileOptions, FieldType, SqlFragment } from './whereSql'
