/**
 * Valid UPS 1Z numbers by serial: shipper 5R8939, service 03, the serial as the package id, and
 * the mod-10 check digit of tracking_number_data (letters as (code - 3) % 10, odd positions x1,
 * even positions x2).
 */
export function ups1Z(serial: number): string {
  const body = `5R893903${String(serial).padStart(7, '0')}`
  return `1Z${body}${checkDigit(body)}`
}

export function checkDigit(body: string): number {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    const value = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 3) % 10
    sum += i % 2 === 0 ? value : value * 2
  }
  return (10 - (sum % 10)) % 10
}
