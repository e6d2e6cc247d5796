export { default } from './admin/OrderTrackingAdmin'
