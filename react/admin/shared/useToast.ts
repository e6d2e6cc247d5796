import { useContext } from 'react'
import { ToastContext } from 'vtex.styleguide'

/** showToast from the page's ToastProvider (the hook form of ToastConsumer). */
export const useToast = (): ((message: string) => void) => {
  const { showToast } = useContext(ToastContext)
  return (message: string) => showToast({ message, duration: 6000, horizontalPosition: 'right' })
}
