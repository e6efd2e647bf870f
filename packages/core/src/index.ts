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
export {
  formatSummaryTime,
  updateTimeSettings,
  type TimeSettings,
  type UpdateTimeSettingsOptions,
} from './users/update-time-settings.ts';
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
  InvalidSettingError,
  NotCabinetMemberError,
  updateNotificationSettings,
  type NotificationSettingsPatch,
  type NotificationSettingsView,
} from './settings/notification-settings.ts';
export { getQuietHours } from './settings/get-quiet-hours.ts';
export type { QuietHoursPatch, QuietHoursView } from './settings/quiet-hours-view.ts';
export { updateQuietHours } from './settings/update-quiet-hours.ts';
export { requestSync, type RequestSyncError, type RequestSyncResult } from './sync/request-sync.ts';
export { cabinetWbClient, type CabinetKey, type CabinetWbAccess } from './cabinets/cabinet-wb-client.ts';
export { ANSWER_FAILURE_MESSAGES, type AnswerFailureCode } from './answers/answer-failures.ts';
export { displayName, type AnswerSource, type BuyerAnswerView, type BuyerTextKind } from './answers/answer-view.ts';
export { answerWriteAccess, type AnswerWriteAccess, type KeyScopes } from './answers/answer-write-access.ts';
export {
  sendBuyerAnswer,
  STALE_SENDING_MS,
  type SendAnswerResult,
  type SendBuyerAnswerOptions,
} from './answers/send-buyer-answer.ts';
export { getBuyerAnswers } from './answers/get-buyer-answers.ts';
export type { AnswerTemplateView } from './answers/answer-template-view.ts';
export { listAnswerTemplates } from './answers/list-answer-templates.ts';
export {
  saveAnswerTemplate,
  TEMPLATE_TITLE_MAX_LENGTH,
  TEMPLATES_PER_CABINET,
  type SaveAnswerTemplateError,
  type SaveAnswerTemplateResult,
} from './answers/save-answer-template.ts';
export { deleteAnswerTemplate } from './answers/delete-answer-template.ts';
