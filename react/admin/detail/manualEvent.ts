import type { TrackingStatus } from '../api/types'

/**
 * The event text the order gets when the admin writes no customer message: the same words as
 * node/services/admin/manualStatus.ts defaultDescription (the react builder cannot import node/).
 */
export const standardEventText = (status: TrackingStatus): string =>
  status === 'DELIVERED' ? 'Delivered (confirmed by the store)' : `Status updated by the store: ${status}`
