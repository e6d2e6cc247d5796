/**
 * Every carrier module is reflected everywhere it must be, outside its folder: the manifest
 * (settings section, courier-mapping choices, outbound access), the IO clients, the emulator
 * (a simulator and demo credentials), and the module's own shape. Forgetting one fails here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'

import { SIMULATED_CARRIERS } from '../../emulator/carriers/timelines'
import { SIMULATOR_CREDENTIALS } from '../../emulator/carriers/types'
import { demoSettings } from '../../emulator/stack'
import { fakeIOContext } from '../../test/ioContext'
import { clientsConfig } from '../clientOptions'
import { Clients } from '../clients'
import { parseAppSettings } from '../settings/appSettings'
import { CARRIER_CODES, CARRIERS, carrierModule, isCarrierCode } from '.'

const root = path.resolve(__dirname, '../..')
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T

interface SchemaProperty {
  type?: string
  format?: string
  enum?: string[]
  enumNames?: string[]
  default?: string
  properties?: Record<string, SchemaProperty>
  items?: SchemaProperty
}
interface Manifest {
  policies: Array<{ name: string; attrs?: { host?: string; path?: string } }>
  settingsSchema: { properties: Record<string, SchemaProperty> }
}
const manifest = readJson<Manifest>('manifest.json')

void describe('the carrier module list', () => {
  void it('has unique, lower-case codes and resolves each one', () => {
    assert.deepEqual([...new Set(CARRIER_CODES)], [...CARRIER_CODES])
    for (const code of CARRIER_CODES) {
      assert.match(code, /^[a-z][a-z0-9_]*$/)
      assert.equal(carrierModule(code).code, code)
      assert.equal(isCarrierCode(code), true)
    }
    assert.equal(isCarrierCode('pigeon'), false)
    assert.throws(() => carrierModule('pigeon'), RangeError)
  })

  void it('lists every carrier folder, and every folder is a module', () => {
    const folders = readdirSync(__dirname, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
      .map((entry) => entry.name)
      .sort()
    assert.deepEqual(folders, [...CARRIER_CODES].sort())
  })
})

for (const carrier of CARRIERS) {
  void describe(`carrier module ${carrier.code}`, () => {
    void it('has a settings section in the manifest with exactly its fields', () => {
      const section = manifest.settingsSchema.properties[carrier.code]
      assert.ok(section?.properties, `settingsSchema.properties.${carrier.code}`)
      assert.deepEqual(Object.keys(section.properties).sort(), carrier.settings.fields.map((f) => f.name).sort())
      for (const field of carrier.settings.fields) {
        const property: SchemaProperty = section.properties[field.name]
        assert.equal(property.type, 'string', `${carrier.code}.${field.name} type`)
        assert.equal(property.format === 'password', field.password === true, `${carrier.code}.${field.name} masked`)
        if (field.choices) {
          assert.deepEqual(property.enum, [...field.choices], `${carrier.code}.${field.name} choices`)
          assert.equal(property.default, field.choices[0])
        }
      }
    })

    void it('is a choice of the courier mapping, under its display name', () => {
      const carrierProperty = manifest.settingsSchema.properties.courierMappings.items?.properties?.carrier
      const index = carrierProperty?.enum?.indexOf(carrier.code) ?? -1
      assert.ok(index >= 0, `courierMappings carrier enum lists ${carrier.code}`)
      assert.equal(carrierProperty?.enumNames?.[index], carrier.displayName)
      assert.equal(carrierProperty?.enum?.length, CARRIERS.length, 'no choice without a module')
    })

    void it('may call each of its hosts (outbound-access) and declares at least one', () => {
      assert.ok(carrier.settings.hosts.length > 0)
      const hosts = manifest.policies.filter((p) => p.name === 'outbound-access').map((p) => p.attrs?.host)
      for (const host of carrier.settings.hosts) assert.ok(hosts.includes(host), `outbound-access for ${host}`)
    })

    void it('is registered as an IO client with its own options', () => {
      assert.deepEqual(clientsConfig.options[carrier.code], carrier.client.options)
      assert.ok((carrier.client.options.timeout ?? 0) > 0)
      const clients = new Clients(clientsConfig.options, fakeIOContext())
      assert.ok(clients.carrier(carrier.code) instanceof carrier.client.implementation)
      assert.equal(clients.carrier(carrier.code), clients.carrier(carrier.code), 'one instance per request')
    })

    void it('has a simulator and demo credentials the settings parser accepts', () => {
      assert.ok((SIMULATED_CARRIERS as readonly string[]).includes(carrier.code), `a simulator for ${carrier.code}`)
      assert.ok(carrier.code in SIMULATOR_CREDENTIALS, `SIMULATOR_CREDENTIALS.${carrier.code}`)
      assert.ok(parseAppSettings(demoSettings()).carriers[carrier.code], `demo settings configure ${carrier.code}`)
    })

    void it('declares sane limits, a tracking page and a name', () => {
      const { batchSize, concurrency, requestsPerSecond } = carrier.limits
      for (const n of [batchSize, concurrency, requestsPerSecond]) assert.ok(Number.isInteger(n) && n >= 1)
      const url = new URL(carrier.trackingUrl('AB 123/456'))
      assert.match(url.protocol, /^https:$/)
      assert.ok(!url.href.includes(' '), 'the number is encoded')
      assert.ok(carrier.displayName.trim().length > 0)
      assert.ok(carrier.courierNameWords.every((word) => /^[a-z0-9]+$/.test(word)))
    })

    void it('keeps recorded responses and tests beside the code', () => {
      const folder = path.join(__dirname, carrier.code)
      const files = readdirSync(folder)
      for (const expected of ['index.ts', 'client.ts', 'settings.ts', 'parse.ts', 'request.ts', 'statusMap.ts']) {
        assert.ok(files.includes(expected), `${carrier.code}/${expected}`)
      }
      assert.ok(files.includes('tracking-number-data.json'), `${carrier.code}/tracking-number-data.json`)
      assert.ok(readdirSync(path.join(folder, '__fixtures__')).length >= 5, `${carrier.code}/__fixtures__`)
      assert.ok(files.filter((f) => f.endsWith('.test.ts')).length >= 2, `${carrier.code} tests`)
    })
  })
}
