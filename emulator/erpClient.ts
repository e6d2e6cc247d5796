import http from 'http'

/**
 * Calls an emulated upstream through the emulator's own proxy port, as an ERP integration with
 * an app key would: e.g. POST the invoice to the Orders API so the broadcast event follows.
 */
export function erpRequest(
  emulatorUrl: string,
  account: string,
  method: string,
  host: string,
  path: string,
  body?: unknown
): Promise<{ status: number; body: unknown }> {
  const { port } = new URL(emulatorUrl)
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: `http://${host}${path}${path.includes('?') ? '&' : '?'}an=${encodeURIComponent(account)}`,
        headers: {
          host,
          'content-type': 'application/json',
          accept: 'application/json',
          'x-vtex-api-appkey': 'vtexappkey-emulator-erp',
          'x-vtex-api-apptoken': 'emulator-erp-token',
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: unknown = text
          try {
            parsed = JSON.parse(text)
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, body: parsed })
        })
      }
    )
    request.on('error', reject)
    request.end(body === undefined ? undefined : JSON.stringify(body))
  })
}
