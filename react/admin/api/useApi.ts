import { useCallback, useEffect, useRef, useState } from 'react'

import { ApiError } from './client'

export interface ApiState<T> {
  data: T | undefined
  error: ApiError | undefined
  /** True while a request is in flight; `data` keeps the previous answer meanwhile. */
  loading: boolean
  reload: () => void
  /** Puts a fresher answer in place (e.g. the shipment a write returned) without a new request. */
  replace: (data: T) => void
}

/**
 * Runs `load` when `key` changes (and on `reload()`), keeps the last good answer while a new one
 * loads, and drops answers that arrive after a newer request started.
 */
export function useApi<T>(load: () => Promise<T>, key: string): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const [loading, setLoading] = useState(true)
  const [generation, setGeneration] = useState(0)
  const latest = useRef(0)
  const loader = useRef(load)
  loader.current = load

  useEffect(() => {
    const ticket = ++latest.current
    let alive = true
    setLoading(true)
    loader
      .current()
      .then((result) => {
        if (!alive || ticket !== latest.current) return
        setData(result)
        setError(undefined)
      })
      .catch((caught: unknown) => {
        if (!alive || ticket !== latest.current) return
        setError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)))
      })
      .finally(() => {
        if (alive && ticket === latest.current) setLoading(false)
      })
    return () => {
      alive = false
    }
  }, [key, generation])

  const reload = useCallback(() => setGeneration((value) => value + 1), [])
  const replace = useCallback((value: T) => {
    latest.current += 1
    setData(value)
    setError(undefined)
    setLoading(false)
  }, [])
  return { data, error, loading, reload, replace }
}
