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
          lastSyncAt
        }
      }
    }
  }
`);

export type ViewerData = ResultOf<typeof VIEWER>;

export const DEMO_LOGIN = graphql(`
  mutation DemoLogin {
    demoLogin {
      __typename
      ... on LoginPayload {
        user {
          id
        }
      }
      ... on OperationError {
        code
        message
      }
    }
  }
`);

export const LOGIN_WITH_LINK = graphql(`
  mutation LoginWithLink($token: String!) {
    loginWithLink(token: $token) {
      __typename
      ... on LoginPayload {
        user {
          id
        }
      }
      ... on OperationError {
        code
        message
      }
    }
  }
`);

export const LOGIN_WITH_TELEGRAM = graphql(`
  mutation LoginWithTelegram($data: TelegramLoginInput!) {
    loginWithTelegram(data: $data) {
      __typename
      ... on LoginPayload {
        user {
          id
        }
      }
      ... on OperationError {
        code
        message
      }
    }
  }
`);

export const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);
