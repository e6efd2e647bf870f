import { graphql } from './graphql';

export const CABINET_ADMIN = graphql(`
  query CabinetAdmin($id: ID!) {
    cabinet(id: $id) {
      id
      name
      sellerId
      myRole
      status
      createdAt
      token {
        type
        expiresAt
        categories
        warnings
      }
      members {
        firstName
        lastName
        username
        role
        joinedAt
        isViewer
        receivesMessages
      }
    }
    loginOptions {
      telegramBotUsername
    }
    viewer {
      id
      apiTokens {
        id
        name
        prefix
        createdAt
        lastUsedAt
        expiresAt
      }
    }
  }
`);

export const CREATE_INVITE = graphql(`
  mutation CreateInvite($id: ID!) {
    createInvite(cabinetId: $id) {
      __typename
      ... on Invite {
        code
        expiresAt
      }
      ... on Error {
        message
      }
    }
  }
`);

export const CREATE_API_TOKEN = graphql(`
  mutation CreateApiToken($name: String!) {
    createApiToken(name: $name) {
      __typename
      ... on CreateApiTokenPayload {
        id
        name
        prefix
        token
      }
      ... on Error {
        message
      }
    }
  }
`);

export const REVOKE_API_TOKEN = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      __typename
      ... on MutationRevokeApiTokenSuccess {
        data
      }
      ... on ForbiddenError {
        message
      }
    }
  }
`);

export const LEAVE_CABINET = graphql(`
  mutation LeaveCabinet($id: ID!) {
    leaveCabinet(cabinetId: $id) {
      __typename
      ... on LeaveCabinetPayload {
        cabinetDeleted
      }
      ... on Error {
        message
      }
    }
  }
`);
