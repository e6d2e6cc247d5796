import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

/** Payload of the VTEX scheduler (version 4), as used by vtex-apps' cron apps. */
export interface SchedulerJob {
  id: string
  scheduler: { expression: string; endDate: string }
  retry: { delay: { addMinutes: number; addHours: number; addDays: number }; times: number; backOffRate: number }
  request: { uri: string; method: 'POST' | 'GET'; headers: Record<string, string>; body: unknown }
}

/** VTEX scheduler: calls one of our public routes on a cron. HTTP only. */
export class SchedulerClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, {
      ...options,
      headers: { ...options?.headers, VtexIdclientAutCookie: context.authToken },
    })
  }

  public upsert(namespace: string, job: SchedulerJob): Promise<unknown> {
    return this.http.put(this.path(namespace), job, { metric: 'scheduler-upsert', params: { version: 4 } })
  }

  public remove(namespace: string, jobId: string): Promise<unknown> {
    return this.http.delete(`${this.path(namespace)}/${encodeURIComponent(jobId)}`, {
      metric: 'scheduler-delete',
      params: { version: 4 },
    })
  }

  private path(namespace: string): string {
    return `/api/scheduler/${encodeURIComponent(this.context.workspace)}/${encodeURIComponent(namespace)}`
  }
}
