/** One email as the emulated platform sent it: by VTEX's own order templates or by an app's sendmail. */
export interface MailMessage {
  seq: number
  at: string
  account: string
  /** `vtex` for the platform's transactional templates, `app` for sendmail calls. */
  sender: 'vtex' | 'app'
  templateName: string
  to: string
  subject: string
  html: string
  /** The order it is about, when known (VTEX's templates; the app's jsonData.data.orderId). */
  orderId: string | null
  jsonData: unknown
}

/** Every email the emulator "sent", readable through `GET /_emulator/mail`. */
export class Mailbox {
  private readonly messages: MailMessage[] = []
  private seq = 0

  add(message: Omit<MailMessage, 'seq' | 'at'>, now: number): MailMessage {
    const stored = { ...message, seq: ++this.seq, at: new Date(now).toISOString() }
    this.messages.push(stored)
    return stored
  }

  list(filter: { orderId?: string; to?: string; sender?: string; sinceSeq?: number } = {}): MailMessage[] {
    return this.messages.filter(
      (m) =>
        (!filter.orderId || m.orderId === filter.orderId) &&
        (!filter.to || m.to === filter.to) &&
        (!filter.sender || m.sender === filter.sender) &&
        (filter.sinceSeq === undefined || m.seq > filter.sinceSeq)
    )
  }
}
