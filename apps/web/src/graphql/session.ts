export const LOGIN_OPTIONS = `query LoginOptions { loginOptions { demo telegramBotUsername } }`;

export const VIEWER = `query Viewer {
  viewer {
    id firstName username timeZone
    cabinets { role cabinet { id name status lastSyncAt } }
  }
}`;

const LOGIN_RESULT = `__typename ... on LoginPayload { user { id } } ... on OperationError { code message }`;
export const DEMO_LOGIN = `mutation DemoLogin { demoLogin { ${LOGIN_RESULT} } }`;
export const LOGIN_WITH_LINK = `mutation LoginWithLink($token: String!) { loginWithLink(token: $token) { ${LOGIN_RESULT} } }`;
export const LOGIN_WITH_TELEGRAM = `mutation LoginWithTelegram($data: TelegramLoginInput!) { loginWithTelegram(data: $data) { ${LOGIN_RESULT} } }`;
export const LOGOUT = `mutation Logout { logout }`;

export interface LoginResult {
  __typename: 'LoginPayload' | 'OperationError';
  message?: string;
}
export interface ViewerData {
  viewer: {
    id: string;
    firstName: string | null;
    username: string | null;
    timeZone: string;
    cabinets: { role: string; cabinet: { id: string; name: string; status: string; lastSyncAt: string | null } }[];
  } | null;
}
