import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import type { MessageCenterTemplate } from '../templates/messageCenter'

const SENDMAIL = '/api/mail-service/pvt/sendmail'
const TEMPLATES = '/api/template-render/pvt/templates'

export interface SendMailBody {
  templateName: string
  jsonData: { data: Record<string, string> }
}

/**
 * Message Center: templates (template-render) and sending (mail-service). HTTP only. sendmail is
 * not idempotent: its retries are 0 in clientOptions.ts and the caller records every attempt.
 */
export class MailClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, {
      ...options,
      headers: { ...options?.headers, VtexIdclientAutCookie: context.authToken, Accept: 'application/json' },
    })
  }

  /** The template, or null when the account has none by that name. */
  public async getTemplate(name: string): Promise<MessageCenterTemplate | null> {
    try {
      return await this.http.get<MessageCenterTemplate>(`${TEMPLATES}/${encodeURIComponent(name)}`, {
        metric: 'mail-get-template',
      })
    } catch (error) {
      if ((error as { response?: { status?: number } } | null)?.response?.status === 404) return null
      throw error
    }
  }

  public publishTemplate(template: MessageCenterTemplate): Promise<unknown> {
    return this.http.post(TEMPLATES, template, { metric: 'mail-post-template' })
  }

  public sendMail(body: SendMailBody): Promise<unknown> {
    return this.http.post(SENDMAIL, body, { metric: 'mail-post-send' })
  }
}
