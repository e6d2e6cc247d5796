import { s10CheckDigit } from '../../node/carriers/correios/trackingNumber'
import type { Stack } from '../../emulator/stack'

/**
 * Demo data for the admin page, created only through the emulator's control endpoints, the way an
 * ERP and the carriers would: orders are created, carrier timelines scripted, orders invoiced with
 * courier + tracking number (the app registers them from the invoiced event), then the simulated
 * clock moves in 6-hour steps with a sweep after each, so shipments progress as they would in a week.
 */

export interface SeededShipment {
  key: string
  orderId: string
  carrier: 'correios' | 'ups' | null
  trackingNumber: string
  courier: string
  story: string | null
}

/** A Correios S10 number with a correct check digit (as node/carriers/correios validates). */
export function correiosNumber(prefix: string, serial: string): string {
  return `${prefix}${serial}${s10CheckDigit(serial)}BR`
}

/** Valid UPS 1Z numbers (contracts/carriers/tracking-number-data/couriers/ups.json test_numbers). */
const UPS_NUMBERS = ['1Z5R89390357567127', '1Z879E930346834440', '1Z410E7W0392751591', '1Z8V92A70367203024']

interface Plan {
  key: string
  carrier: 'correios' | 'ups' | null
  trackingNumber: string
  courier: string
  story: string | null
  /** Business days promised at checkout (short ones make "overdue" happen within the demo week). */
  estimateDays: number
  country?: string
  /** Day of the demo week the order is invoiced (0 = first), so the chart has more than one day. */
  day: number
}

const PLANS: Plan[] = [
  {
    key: 'correios-delivered',
    carrier: 'correios',
    trackingNumber: 'DG049186226BR',
    courier: 'Correios SEDEX',
    story: 'delivered',
    estimateDays: 5,
    day: 2,
  },
  {
    key: 'correios-stuck',
    carrier: 'correios',
    trackingNumber: correiosNumber('QB', '12345678'),
    courier: 'Correios SEDEX',
    story: 'stuck',
    estimateDays: 2,
    day: 0,
  },
  {
    key: 'correios-exception',
    carrier: 'correios',
    trackingNumber: correiosNumber('OA', '23456789'),
    courier: 'Correios SEDEX',
    story: 'exception',
    estimateDays: 4,
    day: 0,
  },
  {
    key: 'correios-attempt',
    carrier: 'correios',
    trackingNumber: correiosNumber('OB', '34567890'),
    courier: 'Correios SEDEX',
    story: 'attempt_then_delivered',
    estimateDays: 5,
    day: 1,
  },
  {
    key: 'correios-returned',
    carrier: 'correios',
    trackingNumber: correiosNumber('PX', '45678901'),
    courier: 'Correios SEDEX',
    story: 'returned',
    estimateDays: 5,
    day: 0,
  },
  {
    key: 'correios-lost',
    carrier: 'correios',
    trackingNumber: correiosNumber('QC', '56789012'),
    courier: 'Correios SEDEX',
    story: 'lost',
    estimateDays: 2,
    day: 0,
  },
  {
    key: 'ups-delivered',
    carrier: 'ups',
    trackingNumber: UPS_NUMBERS[0],
    courier: 'UPS Ground',
    story: 'delivered',
    estimateDays: 5,
    country: 'USA',
    day: 1,
  },
  {
    key: 'ups-exception',
    carrier: 'ups',
    trackingNumber: UPS_NUMBERS[1],
    courier: 'UPS Ground',
    story: 'exception',
    estimateDays: 4,
    country: 'USA',
    day: 0,
  },
  {
    key: 'ups-label-only',
    carrier: 'ups',
    trackingNumber: UPS_NUMBERS[2],
    courier: 'UPS Ground',
    story: 'label_only',
    estimateDays: 3,
    country: 'USA',
    day: 1,
  },
  {
    key: 'ups-stuck',
    carrier: 'ups',
    trackingNumber: UPS_NUMBERS[3],
    courier: 'UPS Ground',
    story: 'stuck',
    estimateDays: 2,
    country: 'USA',
    day: 0,
  },
  {
    key: 'awaiting-number',
    carrier: null,
    trackingNumber: '',
    courier: 'Correios SEDEX',
    story: null,
    estimateDays: 5,
    day: 2,
  },
  {
    key: 'unknown-carrier',
    carrier: null,
    trackingNumber: 'XYZ-000123',
    courier: 'Transportadora Regional',
    story: null,
    estimateDays: 5,
    day: 2,
  },
]

export async function control<T = unknown>(stack: Stack, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.platform.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text.slice(0, 300)}`)
  return (text ? JSON.parse(text) : undefined) as T
}

/**
 * Moves the clock `hours` ahead in steps of at most 6 h. Each step ticks the emulated scheduler,
 * which fires the app's sweep cron (every 30 min, so due after every step).
 */
export async function advance(stack: Stack, hours: number): Promise<void> {
  for (let left = hours; left > 0; left -= 6) {
    await control(stack, 'POST', '/_emulator/clock/advance', { hours: Math.min(6, left) })
    await stack.platform.settle()
  }
}

/** Runs the sweep now, as the scheduler would (new shipments are due at once: "registered"). */
export async function runSweep(stack: Stack): Promise<void> {
  await control(stack, 'POST', '/_emulator/scheduler/order-tracking-sweep/run')
  await stack.platform.settle()
}

/**
 * Creates and invoices the demo orders over three days (a day's batch, then 24 h with sweeps),
 * then lets `hours` more pass: five simulated days in all by default.
 */
export async function seedDemo(stack: Stack, hours = 72): Promise<Record<string, SeededShipment>> {
  const seeded: Record<string, SeededShipment> = {}
  const lastDay = Math.max(...PLANS.map((plan) => plan.day))
  for (let day = 0; day <= lastDay; day += 1) {
    for (const plan of PLANS.filter((candidate) => candidate.day === day)) {
      seeded[plan.key] = await invoicePlan(stack, plan)
    }
    await stack.platform.settle()
    await runSweep(stack)
    if (day < lastDay) await advance(stack, 24)
  }
  await advance(stack, hours)
  return seeded
}

async function invoicePlan(stack: Stack, plan: Plan): Promise<SeededShipment> {
  const order = await control<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
    courier: plan.courier,
    shippingEstimateDays: plan.estimateDays,
    ...(plan.country ? { country: plan.country } : {}),
  })
  if (plan.carrier && plan.story) {
    await control(stack, 'POST', '/_emulator/shipments', {
      carrier: plan.carrier,
      trackingNumber: plan.trackingNumber,
      story: plan.story,
    })
  }
  await control(stack, 'POST', `/_emulator/orders/${encodeURIComponent(order.orderId)}/invoice`, {
    courier: plan.courier,
    trackingNumber: plan.trackingNumber,
  })
  const { day: _day, estimateDays: _estimate, country: _country, ...seeded } = plan
  return { ...seeded, orderId: order.orderId }
}
