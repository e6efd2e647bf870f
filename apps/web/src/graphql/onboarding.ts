import { graphql } from './graphql';

export const CONNECT_CABINET = graphql(`
  mutation ConnectCabinet($key: String!) {
    connectCabinet(key: $key) {
      __typename
      ... on ConnectCabinetPayload {
        sellerName
        joined
        warnings
        cabinet {
          id
          status
          answerAccess {
            canWrite
            message
          }
        }
      }
      ... on ConnectCabinetError {
        code
        message
      }
      ... on ForbiddenError {
        message
      }
    }
  }
`);

export const SYNC_PROGRESS = graphql(`
  subscription SyncProgress($cabinetId: ID!) {
    syncProgress(cabinetId: $cabinetId) {
      cabinetId
      percent
      stage
    }
  }
`);
