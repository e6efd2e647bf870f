export {
  connectCabinet,
  type ConnectCabinetError,
  type ConnectCabinetOptions,
  type ConnectCabinetResult,
} from './cabinets/connect-cabinet.ts';
export {
  BASE_KEY_DELAY,
  notificationCoverage,
  NOTIFICATION_TYPES,
  type NotificationCoverage,
  type NotificationTypeName,
} from './cabinets/notification-coverage.ts';
export { decryptSecret, encryptSecret, fingerprint, SecretDecryptError } from './crypto/secret-box.ts';
export { registerTelegramUser, type RegisterTelegramUserInput } from './users/register-telegram-user.ts';
export { hashToken, newSecretToken, sameSecret } from './auth/hash-token.ts';
export { isUuid } from './auth/uuid.ts';
export { consumeLoginLink, createLoginLink } from './auth/login-links.ts';
export {
  createSession,
  createSocketToken,
  resolveSession,
  revokeSession,
  type CreatedSession,
} from './auth/sessions.ts';
export {
  API_TOKEN_PREFIX,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  verifyApiToken,
  type ApiTokenView,
} from './auth/api-tokens.ts';
export {
  verifyTelegramLogin,
  type TelegramLoginError,
  type TelegramLoginUser,
  type VerifyTelegramLoginResult,
} from './auth/telegram-login.ts';
export { getMembership, listUserCabinets, type UserCabinet } from './cabinets/membership.ts';
export { createInvite, type CreateInviteResult } from './cabinets/create-invite.ts';
export { acceptInvite, type AcceptInviteError, type AcceptInviteResult } from './cabinets/accept-invite.ts';
export { leaveCabinet, type LeaveCabinetResult } from './cabinets/leave-cabinet.ts';
export {
  getNotificationSettings,
  NotCabinetMemberError,
  updateNotificationSettings,
  type NotificationSettingsPatch,
  type NotificationSettingsView,
} from './settings/notification-settings.ts';
export { requestSync, type RequestSyncError, type RequestSyncResult } from './sync/request-sync.ts';
