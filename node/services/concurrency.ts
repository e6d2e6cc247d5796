/** Maps with at most `limit` promises in flight; results keep input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

export const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = []
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size))
  return chunks
}

/** Whole chunks of `size`, and what is left short of one (empty when the items divide evenly). */
export const fullChunks = <T>(items: readonly T[], size: number): { chunks: T[][]; rest: T[] } => {
  const whole = items.length - (items.length % size)
  return { chunks: chunk(items.slice(0, whole), size), rest: items.slice(whole) }
}
