import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

/**
 * What VTEX ID says about a user token. `account` is what @vtex/api's own @auth directive checks;
 * the public docs show only userId, user (the email) and userType, so it may be absent.
 */
export interface AuthenticatedUser {
  userId: string
  /** The user's email. */
  user: string
  userType?: string
  account?: string
}

/** VTEX ID, HTTP only: who holds a VtexIdclientAutCookie token. */
export class VtexIdClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, { ...options, headers: { ...options?.headers, Accept: 'application/json' } })
  }

  /**
   * `GET /api/vtexid/pub/authenticated/user?authToken=`. VTEX answers 200 with an empty or null
   * body, or 401, for a token that is not (or no longer) valid: both come back as null here.
   */
  public async authenticatedUser(authToken: string): Promise<AuthenticatedUser | null> {
    try {
      const body = await this.http.get<unknown>('/api/vtexid/pub/authenticated/user', {
        metric: 'vtexid-authenticated-user',
        params: { authToken },
      })
      return asAuthenticatedUser(body)
    } catch (error) {
      const status = (error as { response?: { status?: number } } | null)?.response?.status
      if (status === 400 || status === 401 || status === 403 || status === 404) return null
      throw error
    }
  }
}

function asAuthenticatedUser(body: unknown): AuthenticatedUser | null {
  if (typeof body !== 'object' || body === null) return null
  const { userId, user, userType, account } = body as Record<string, unknown>
  if (typeof user !== 'string' || user.trim() === '') return null
  return {
    userId: typeof userId === 'string' ? userId : '',
    user: user.trim(),
    ...(typeof userType === 'string' ? { userType } : {}),
    ...(typeof account === 'string' && account !== '' ? { account } : {}),
  }
}
