import { request } from '../api/client'
import type { EmailPreview, NoticeEntry } from './types'

export const emailApi = {
  audit: async (shipmentId: string): Promise<NoticeEntry[]> =>
    (await request<{ emails: NoticeEntry[] }>(`/shipments/${encodeURIComponent(shipmentId)}/emails`)).emails,
  previews: async (): Promise<EmailPreview[]> =>
    (await request<{ previews: EmailPreview[] }>('/email-previews')).previews,
}
