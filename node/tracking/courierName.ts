/** Courier names as invoices write them are compared without case, accents or outer spaces. */
export const normalizeCourierName = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
