import { graphql, type ResultOf } from './graphql';

// Answering buyers: the answer as every member sees it, the send mutations, the cabinet's
// reply templates and the event that tells an open page another member answered.
export const BUYER_ANSWER_FIELDS = graphql(`
  fragment BuyerAnswerFields on BuyerAnswer @_unmask {
    revision
    text
    status
    authorName
    isViewer
    source
    sentAt
  }
`);

export type BuyerAnswerNode = ResultOf<typeof BUYER_ANSWER_FIELDS>;

const ANSWER_RESULT = graphql(
  `
    fragment AnswerResult on AnswerPayload @_unmask {
      outcome
      answer {
        ...BuyerAnswerFields
      }
    }
  `,
  [BUYER_ANSWER_FIELDS],
);

export const ANSWER_REVIEW = graphql(
  `
    mutation AnswerReview($id: ID!, $targetId: String!, $text: String!, $edit: Boolean) {
      answerReview(cabinetId: $id, reviewId: $targetId, text: $text, edit: $edit) {
        __typename
        ...AnswerResult
        ... on AnswerPayload {
          review {
            id
            isAnswered
            answerText
          }
        }
        ... on AnswerRefused {
          code
          draftText
        }
        ... on Error {
          message
        }
      }
    }
  `,
  [ANSWER_RESULT],
);

export const ANSWER_QUESTION = graphql(
  `
    mutation AnswerQuestion($id: ID!, $targetId: String!, $text: String!, $edit: Boolean) {
      answerQuestion(cabinetId: $id, questionId: $targetId, text: $text, edit: $edit) {
        __typename
        ...AnswerResult
        ... on AnswerPayload {
          question {
            id
            isAnswered
            answerText
          }
        }
        ... on AnswerRefused {
          code
          draftText
        }
        ... on Error {
          message
        }
      }
    }
  `,
  [ANSWER_RESULT],
);

export const ANSWER_SETUP = graphql(`
  query AnswerSetup($id: ID!) {
    cabinet(id: $id) {
      id
      answerAccess {
        canWrite
        code
        message
      }
      answerTemplates {
        id
        title
        text
      }
    }
  }
`);

export type AnswerTemplateNode = NonNullable<ResultOf<typeof ANSWER_SETUP>['cabinet']>['answerTemplates'][number];

export const CREATE_ANSWER_TEMPLATE = graphql(`
  mutation CreateAnswerTemplate($id: ID!, $title: String!, $text: String!) {
    createAnswerTemplate(cabinetId: $id, title: $title, text: $text) {
      __typename
      ... on AnswerTemplate {
        id
      }
      ... on Error {
        message
      }
    }
  }
`);

export const UPDATE_ANSWER_TEMPLATE = graphql(`
  mutation UpdateAnswerTemplate($id: ID!, $templateId: ID!, $title: String!, $text: String!) {
    updateAnswerTemplate(cabinetId: $id, id: $templateId, title: $title, text: $text) {
      __typename
      ... on AnswerTemplate {
        id
      }
      ... on Error {
        message
      }
    }
  }
`);

export const DELETE_ANSWER_TEMPLATE = graphql(`
  mutation DeleteAnswerTemplate($id: ID!, $templateId: ID!) {
    deleteAnswerTemplate(cabinetId: $id, id: $templateId) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const BUYER_ANSWER_CHANGED = graphql(`
  subscription BuyerAnswerChanged($id: ID!) {
    buyerAnswerChanged(cabinetId: $id) {
      kind
      targetId
    }
  }
`);
