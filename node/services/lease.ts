import type { VBase } from '@vtex/api'
import { randomUUID } from 'crypto'

import { httpStatusOf } from './platformErrors'

const BUCKET = 'sweep'

interface LeaseFile {
  holder: string | null
  expiresAt: number
}

export interface Lease {
  holder: string
  /** Pushes the expiry `ttlMs` ahead; false when the lease was lost (expired and taken). */
  renew(): Promise<boolean>
  /** Renews every `ttlMs / 3` until the returned function is called. */
  keepAlive(onError: (error: unknown) => void): () => void
  release(): Promise<void>
}

/**
 * A lease in VBase with compare-and-swap (If-Match on the ETag): at most one sweep runs per
 * account at a time, whatever the number of replicas. It is renewed while the sweep works and
 * expires by itself, so a replica that dies mid-run blocks the next one for `ttlMs` at most.
 * (Shipments themselves are protected by their own claims: see claims/.)
 */
export async function acquireLease(vbase: VBase, ttlMs: number, file = 'lease.json'): Promise<Lease | null> {
  const holder = randomUUID()
  let current = await vbase.getRawJSON<LeaseFile>(BUCKET, file, true)
  if (!current?.data || !current.headers?.etag) {
    // First use ever: create the file unconditionally, then compete like everyone else.
    await vbase.saveJSON<LeaseFile>(BUCKET, file, { holder: null, expiresAt: 0 })
    current = await vbase.getRawJSON<LeaseFile>(BUCKET, file, true)
  }
  const lease = current?.data ?? null
  const etag = current?.headers?.etag as string | undefined
  if (!lease || !etag) throw new Error(`lease file ${file} could not be created in VBase`)
  if (lease.holder !== null && lease.expiresAt > Date.now()) return null
  try {
    await vbase.saveJSON<LeaseFile>(BUCKET, file, { holder, expiresAt: Date.now() + ttlMs }, undefined, etag)
  } catch (error) {
    if (httpStatusOf(error) === 412 || httpStatusOf(error) === 409) return null
    throw error
  }
  const renew = async (): Promise<boolean> => {
    const latest = await vbase.getRawJSON<LeaseFile>(BUCKET, file, true)
    const latestEtag = latest?.headers?.etag as string | undefined
    if (latest?.data?.holder !== holder || !latestEtag) return false
    try {
      await vbase.saveJSON<LeaseFile>(BUCKET, file, { holder, expiresAt: Date.now() + ttlMs }, undefined, latestEtag)
      return true
    } catch (error) {
      if (httpStatusOf(error) === 412 || httpStatusOf(error) === 409) return false
      throw error
    }
  }
  return {
    holder,
    renew,
    keepAlive: (onError) => {
      const timer = setInterval(() => renew().catch(onError), Math.max(1000, ttlMs / 3))
      timer.unref()
      return () => clearInterval(timer)
    },
    release: async () => {
      const latest = await vbase.getRawJSON<LeaseFile>(BUCKET, file, true)
      const latestEtag = latest?.headers?.etag as string | undefined
      if (latest?.data?.holder !== holder || !latestEtag) return
      try {
        await vbase.saveJSON<LeaseFile>(BUCKET, file, { holder: null, expiresAt: 0 }, undefined, latestEtag)
      } catch (error) {
        // Someone took over after our lease expired: theirs now, nothing to release.
        if (httpStatusOf(error) !== 412 && httpStatusOf(error) !== 409) throw error
      }
    },
  }
}
