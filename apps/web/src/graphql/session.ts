import { graphql, type ResultOf } from './graphql';

export const LOGIN_OPTIONS = graphql(`
  query LoginOptions {
    loginOptions {
      demo
      telegramBotUsername
    }
  }
`);

export const VIEWER = graphql(`
  query Viewer {
    viewer {
      id
      firstName
      username
      timeZone
      cabinets {
        role
        cabinet {
          id
          name
          status
          statusReason
          lastSyncAt
          token {
            type
            expiresAt
          }
        }
      }
    }
  }
`);

export type ViewerData = ResultOf<typeof VIEWER>;

// Every way of logging in answers the same: the user, or why not.
const LOGGED_IN = graphql(`
  fragment LoggedIn on LoginPayload @_unmask {
    user {
      id
    }
  }
`);
const LOGIN_REFUSED = graphql(`
  fragment LoginRefused on OperationError @_unmask {
    code
    message
  }
`);

export const DEMO_LOGIN = graphql(
  `
    mutation DemoLogin {
      demoLogin {
        __typename
        ...LoggedIn
        ...LoginRefused
      }
    }
  `,
  [LOGGED_IN, LOGIN_REFUSED],
);

export const LOGIN_WITH_LINK = graphql(
  `
    mutation LoginWithLink($token: String!) {
      loginWithLink(token: $token) {
        __typename
        ...LoggedIn
        ...LoginRefused
      }
    }
  `,
  [LOGGED_IN, LOGIN_REFUSED],
);

export const LOGIN_WITH_TELEGRAM = graphql(
  `
    mutation LoginWithTelegram($data: TelegramLoginInput!) {
      loginWithTelegram(data: $data) {
        __typename
        ...LoggedIn
        ...LoginRefused
      }
    }
  `,
  [LOGGED_IN, LOGIN_REFUSED],
);

export const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);
