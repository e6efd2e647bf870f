export {
  connectCabinet,
  type ConnectCabinetError,
  type ConnectCabinetOptions,
  type ConnectCabinetResult,
} from './cabinets/connect-cabinet.ts';
export {
  notificationCoverage,
  NOTIFICATION_TYPES,
  type NotificationCoverage,
  type NotificationTypeName,
} from './cabinets/notification-coverage.ts';
export { decryptSecret, encryptSecret, fingerprint, SecretDecryptError } from './crypto/secret-box.ts';
