import { readFileSync } from 'fs'
import assert from 'node:assert/strict'
import { it } from 'node:test'
import path from 'path'

const root = path.resolve(__dirname, '..')
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>

// The manifest schema validation lives in the VTEX build check (test/vtexBuildCheck.test.ts).

void it('declares outbound access for every carrier host the clients call, and the builders the app uses', () => {
  const manifest = readJson('manifest.json') as {
    builders: Record<string, string>
    policies: Array<{ name: string; attrs?: { host: string } }>
  }
  const hosts = manifest.policies.filter((p) => p.name === 'outbound-access').map((p) => p.attrs?.host)
  for (const host of [
    'api.correios.com.br',
    'apihom.correios.com.br',
    'onlinetools.ups.com',
    'wwwcie.ups.com',
    'apis.fedex.com',
    'apis-sandbox.fedex.com',
    'apis.usps.com',
    'apis-tem.usps.com',
    'api-eu.dhl.com',
    'api.vtex.com',
  ]) {
    assert.ok(hosts.includes(host), `outbound-access for ${host}`)
  }
  assert.deepEqual(
    {
      node: manifest.builders.node,
      react: manifest.builders.react,
      admin: manifest.builders.admin,
      messages: manifest.builders.messages,
    },
    { node: '7.x', react: '3.x', admin: '0.x', messages: '1.x' }
  )
})

void it('keeps settings credentials as password fields so the admin masks them', () => {
  const manifest = readJson('manifest.json') as {
    settingsSchema: { properties: Record<string, { properties?: Record<string, { format?: string }> }> }
  }
  const { correios, ups, fedex, usps, dhl } = manifest.settingsSchema.properties
  assert.equal(correios.properties?.accessCode.format, 'password')
  assert.equal(ups.properties?.clientSecret.format, 'password')
  assert.equal(fedex.properties?.clientSecret.format, 'password')
  assert.equal(usps.properties?.clientSecret.format, 'password')
  assert.equal(dhl.properties?.apiKey.format, 'password')
})

void it('pins node/package.json to the same @vtex/api the local runtime runs, installable on Node 16', () => {
  const nodePackage = readJson('node/package.json') as {
    dependencies: Record<string, string>
    resolutions: Record<string, string>
  }
  const rootPackage = readJson('package.json') as { dependencies: Record<string, string> }
  assert.equal(nodePackage.dependencies['@vtex/api'], rootPackage.dependencies['@vtex/api'])
  assert.equal(nodePackage.resolutions['stats-lite'], '2.2.0', 'the GitHub dependency pinned to the registry release')
  const vtexApi = readJson('node_modules/@vtex/api/package.json') as { engines?: { node?: string } }
  assert.equal(vtexApi.engines?.node, '>=8')
})
