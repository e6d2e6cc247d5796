import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { CarrierRateLimitedError, CarrierUnavailableError } from '../../errors'
import {
  credentialForms,
  credentialsKey,
  httpDataOf,
  httpStatusOf,
  parseRetryAfter,
  redact,
  redactDeep,
  redactError,
  retryAfterMs,
  TokenCache,
  transportError,
  withoutSecrets,
} from './http'
import type { IssuedToken, TransportMessages } from './http'

/** A promise the test settles by hand, to hold a token fetch in flight. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

void describe('TokenCache', () => {
  const MARGIN = 60_000

  /** A cache on a hand-moved clock, and a fetcher that counts its calls and issues t1, t2, … */
  const setup = (lifetimeMs = 3600_000) => {
    let now = 1_000_000
    let calls = 0
    const cache = new TokenCache({ refreshMarginMs: MARGIN, now: () => now })
    const fetcher = (): Promise<IssuedToken> => {
      calls += 1
      return Promise.resolve({ value: `t${calls}`, expiresAt: now + lifetimeMs })
    }
    return {
      cache,
      fetcher,
      calls: () => calls,
      advance: (ms: number) => {
        now += ms
      },
    }
  }

  void it('withToken: an unauthorized answer is retried once with a fresh token; a second one is refused', async () => {
    const { cache, fetcher, calls } = setup()
    const used: string[] = []
    const answer = await cache.withToken('k', fetcher, (token) => {
      used.push(token)
      return Promise.resolve(token === 't1' ? ('unauthorized' as const) : 'tracked')
    })
    assert.equal(answer, 'tracked')
    assert.deepEqual(used, ['t1', 't2'], 'the revoked token was replaced once')
    const refused = await cache.withToken('k', fetcher, () => Promise.resolve('unauthorized' as const))
    assert.equal(refused, 'refused')
    assert.equal(calls(), 3, 'one fresh token for the refused call, no more')
  })

  void it('shares one fetch between concurrent callers for the same key', async () => {
    const cache = new TokenCache({ refreshMarginMs: MARGIN })
    const pending = deferred<IssuedToken>()
    let calls = 0
    const fetcher = (): Promise<IssuedToken> => {
      calls += 1
      return pending.promise
    }
    const waiting = [cache.get('k', fetcher), cache.get('k', fetcher), cache.get('k', fetcher)]
    assert.equal(calls, 1)
    pending.resolve({ value: 'shared', expiresAt: Date.now() + 3600_000 })
    assert.deepEqual(await Promise.all(waiting), ['shared', 'shared', 'shared'])
    assert.equal(await cache.get('k', fetcher), 'shared')
    assert.equal(calls, 1)
  })

  void it('fetches separately per key', async () => {
    const { cache, fetcher, calls } = setup()
    const [a, b] = await Promise.all([cache.get('a', fetcher), cache.get('b', fetcher)])
    assert.notEqual(a, b)
    assert.equal(calls(), 2)
  })

  void it('reuses a token until the refresh margin before its expiry, then fetches a new one', async () => {
    const lifetime = 3600_000
    const { cache, fetcher, calls, advance } = setup(lifetime)
    assert.equal(await cache.get('k', fetcher), 't1')
    advance(lifetime - MARGIN - 1)
    assert.equal(await cache.get('k', fetcher), 't1')
    advance(1)
    assert.equal(await cache.get('k', fetcher), 't2')
    assert.equal(calls(), 2)
  })

  void it('hands out a token issued inside the margin but does not keep it', async () => {
    const { cache, fetcher, calls } = setup(MARGIN / 2)
    assert.equal(await cache.get('k', fetcher), 't1')
    assert.equal(await cache.get('k', fetcher), 't2')
    assert.equal(calls(), 2)
  })

  void it('invalidates only the rejected token when given one, any token otherwise', async () => {
    const { cache, fetcher, calls } = setup()
    await cache.get('k', fetcher)
    cache.invalidate('k', 'someone-elses')
    assert.equal(await cache.get('k', fetcher), 't1')
    cache.invalidate('k', 't1')
    assert.equal(await cache.get('k', fetcher), 't2')
    cache.invalidate('k')
    assert.equal(await cache.get('k', fetcher), 't3')
    assert.equal(calls(), 3)
  })

  void it('clear() forgets every token', async () => {
    const { cache, fetcher } = setup()
    await cache.get('a', fetcher)
    await cache.get('b', fetcher)
    cache.clear()
    assert.equal(await cache.get('a', fetcher), 't3')
    assert.equal(await cache.get('b', fetcher), 't4')
  })

  void it('rejects every waiter of a failed fetch, keeps nothing, and lets the next call retry', async () => {
    const cache = new TokenCache({ refreshMarginMs: MARGIN })
    const failing = deferred<IssuedToken>()
    const waiting = [cache.get('k', () => failing.promise), cache.get('k', () => failing.promise)]
    failing.reject(new Error('token endpoint down'))
    for (const result of await Promise.allSettled(waiting)) assert.equal(result.status, 'rejected')
    const token = await cache.get('k', () => Promise.resolve({ value: 'next', expiresAt: Date.now() + 3600_000 }))
    assert.equal(token, 'next')
  })

  void it('keeps one fetch in flight when a fetch from before clear() settles late', async () => {
    const cache = new TokenCache({ refreshMarginMs: MARGIN })
    const stale = deferred<IssuedToken>()
    const current = deferred<IssuedToken>()
    let calls = 0
    const late = cache.get('k', () => stale.promise)
    cache.clear()
    const first = cache.get('k', () => {
      calls += 1
      return current.promise
    })
    stale.resolve({ value: 'stale', expiresAt: 0 })
    assert.equal(await late, 'stale')
    const second = cache.get('k', () => {
      calls += 1
      return current.promise
    })
    current.resolve({ value: 'current', expiresAt: Date.now() + 3600_000 })
    assert.deepEqual(await Promise.all([first, second]), ['current', 'current'])
    assert.equal(calls, 1)
  })
})

void describe('credentialsKey', () => {
  void it('is a stable sha256 that neither contains the credentials nor merges their boundaries', () => {
    const key = credentialsKey(['production', 'user', 's3cr3t-value'])
    assert.match(key, /^[0-9a-f]{64}$/)
    assert.equal(key, credentialsKey(['production', 'user', 's3cr3t-value']))
    assert.equal(key.includes('s3cr3t'), false)
    assert.notEqual(key, credentialsKey(['sandbox', 'user', 's3cr3t-value']))
    assert.notEqual(credentialsKey(['ab', 'c']), credentialsKey(['a', 'bc']))
  })
})

void describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-10T12:00:00Z')

  void it('reads delta-seconds, surrounding whitespace included', () => {
    assert.equal(parseRetryAfter('0', now), 0)
    assert.equal(parseRetryAfter('120', now), 120_000)
    assert.equal(parseRetryAfter(' 7 ', now), 7000)
  })

  void it('reads an HTTP-date relative to now, never negative', () => {
    assert.equal(parseRetryAfter('Mon, 10 Mar 2025 12:00:45 GMT', now), 45_000)
    assert.equal(parseRetryAfter('Mon, 10 Mar 2025 11:00:00 GMT', now), 0)
  })

  void it('defaults now to the current time', () => {
    const at = new Date(Date.now() + 60_000).toUTCString()
    const ms = parseRetryAfter(at)
    assert.ok(ms !== undefined && ms > 55_000 && ms <= 60_000, String(ms))
  })

  void it('ignores garbage, empty and absent values', () => {
    for (const value of ['soon', '', '   ', 'in 5 minutes', undefined]) {
      assert.equal(parseRetryAfter(value, now), undefined, JSON.stringify(value))
    }
  })

  void it('reads the header from a response-headers record', () => {
    assert.equal(retryAfterMs({ 'retry-after': '12' }, now), 12_000)
    assert.equal(retryAfterMs({ 'retry-after': 'Mon, 10 Mar 2025 12:01:00 GMT' }, now), 60_000)
    assert.equal(retryAfterMs({ 'retry-after': ['12'] }, now), undefined)
    assert.equal(retryAfterMs({}, now), undefined)
    assert.equal(retryAfterMs(undefined, now), undefined)
  })
})

void describe('reading HTTP client errors', () => {
  void it('takes status and body from an axios-like error, and nothing from anything else', () => {
    const error = { response: { status: 400, data: { msgs: ['bad'] } } }
    assert.equal(httpStatusOf(error), 400)
    assert.deepEqual(httpDataOf(error), { msgs: ['bad'] })
    for (const other of [new Error('x'), null, undefined, 'text', { response: { status: '400' } }]) {
      assert.equal(httpStatusOf(other), undefined)
    }
    assert.equal(httpDataOf(null), undefined)
  })
})

void describe('transportError', () => {
  const messages: TransportMessages = {
    rateLimited: 'slow down',
    unavailable: (status) => `answered ${status}`,
    unreachable: (code) => `unreachable ${code ?? '-'}`,
  }

  void it('maps 429 to CarrierRateLimitedError with Retry-After', () => {
    const error = transportError('acme', { response: { status: 429, headers: { 'retry-after': '9' } } }, messages)
    assert.ok(error instanceof CarrierRateLimitedError)
    assert.equal(error.carrier, 'acme')
    assert.equal(error.retryAfterMs, 9000)
    assert.equal(error.message, 'acme: slow down')
  })

  void it('maps 429 without a usable Retry-After to an unknown delay', () => {
    const error = transportError('acme', { response: { status: 429 } }, messages)
    assert.ok(error instanceof CarrierRateLimitedError)
    assert.equal(error.retryAfterMs, undefined)
  })

  void it('maps 5xx to CarrierUnavailableError with the status', () => {
    for (const status of [500, 502, 503, 504]) {
      const error = transportError('acme', { response: { status } }, messages)
      assert.ok(error instanceof CarrierUnavailableError)
      assert.equal(error.status, status)
      assert.equal(error.message, `acme: answered ${status}`)
    }
  })

  void it('maps a call that got no answer to CarrierUnavailableError without a status', () => {
    for (const [error, code] of [
      [{ code: 'ECONNABORTED', config: {} }, 'ECONNABORTED'],
      [{ code: 'ECONNREFUSED' }, 'ECONNREFUSED'],
      [{ config: {} }, '-'],
    ] as const) {
      const mapped = transportError('acme', error, messages)
      assert.ok(mapped instanceof CarrierUnavailableError)
      assert.equal(mapped.status, undefined)
      assert.equal(mapped.message, `acme: unreachable ${code}`)
    }
  })

  void it('leaves other statuses and errors not from the HTTP client to the carrier', () => {
    for (const error of [
      { response: { status: 400 } },
      { response: { status: 401 } },
      { response: { status: 404 } },
      new Error('bug'),
      null,
      'text',
    ]) {
      assert.equal(transportError('acme', error, messages), undefined)
    }
  })
})

void describe('redact', () => {
  void it('replaces every occurrence of every secret', () => {
    assert.equal(
      redact('user abcd, code abcd and wxyz', ['abcd', 'wxyz']),
      'user [redacted], code [redacted] and [redacted]'
    )
    assert.equal(redact('Bearer tok3n', ['tok3n'], '<redacted>'), 'Bearer <redacted>')
  })

  void it('leaves secrets too short to be real alone rather than mangle the text', () => {
    assert.equal(redact('HTTP 400 for 40', ['40', '']), 'HTTP 400 for 40')
  })
})

void describe('credential redaction at the client', () => {
  const secrets = credentialForms(['user 1', 'pass/word', undefined, '0067599079'], [['user 1', 'pass/word']])

  void it('covers every settings value, its URL-encoded form and the Basic value of each pair', () => {
    const basic = Buffer.from('user 1:pass/word').toString('base64')
    const text = `u=user 1 enc=user%201 p=pass%2Fword card=0067599079 auth=Basic ${basic}`
    assert.equal(
      redact(text, secrets),
      'u=[redacted] enc=[redacted] p=[redacted] card=[redacted] auth=Basic [redacted]'
    )
  })

  void it('redacts every string of a body and the message and stack of an error', () => {
    assert.deepEqual(redactDeep({ a: ['x 0067599079'], b: { c: 'pass/word' }, n: 1, z: null }, secrets), {
      a: ['x [redacted]'],
      b: { c: '[redacted]' },
      n: 1,
      z: null,
    })
    const error = redactError(new Error('rejected user 1'), secrets)
    assert.equal(error.message, 'rejected [redacted]')
    assert.ok(!error.stack?.includes('user 1'))
    assert.equal(redactError('thrown pass/word', secrets).message, 'thrown [redacted]')
  })
})

void describe('withoutSecrets', () => {
  void it('hands on the answer, or throws the error, with every secret replaced', async () => {
    const secrets = credentialForms(['s3cr3t-key'])
    const answer = await withoutSecrets(secrets, () =>
      Promise.resolve({ echo: 'key=s3cr3t-key', list: ['s3cr3t-key'] })
    )
    assert.equal(JSON.stringify(answer).includes('s3cr3t-key'), false)
    await assert.rejects(
      withoutSecrets(secrets, () => Promise.reject(new Error('refused s3cr3t-key'))),
      (error: Error) => !error.message.includes('s3cr3t-key')
    )
  })
})
