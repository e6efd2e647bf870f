import { graphql, type ResultOf } from './graphql';

// The demo's «Telegram» page: the demo user's chat with the bot, through the API (demo only).

const CHAT_MESSAGES = graphql(`
  fragment DemoTelegramMessages on DemoTelegramChat @_unmask {
    messages {
      id
      fromBot
      text
      photoUrl
      date
      buttons {
        text
        callbackData
        url
      }
    }
  }
`);

export const DEMO_TELEGRAM = graphql(
  `
    query DemoTelegram {
      demoTelegram {
        __typename
        ... on OperationError {
          message
        }
        ...DemoTelegramMessages
      }
    }
  `,
  [CHAT_MESSAGES],
);

export const DEMO_TELEGRAM_SEND = graphql(
  `
    mutation DemoTelegramSend($text: String!) {
      demoTelegramSend(text: $text) {
        __typename
        ... on OperationError {
          message
        }
        ...DemoTelegramMessages
      }
    }
  `,
  [CHAT_MESSAGES],
);

export const DEMO_TELEGRAM_PRESS = graphql(
  `
    mutation DemoTelegramPress($messageId: Int!, $callbackData: String!) {
      demoTelegramPress(messageId: $messageId, callbackData: $callbackData) {
        __typename
        ... on OperationError {
          message
        }
        ...DemoTelegramMessages
      }
    }
  `,
  [CHAT_MESSAGES],
);

export type DemoTelegramMessage = ResultOf<typeof CHAT_MESSAGES>['messages'][number];
