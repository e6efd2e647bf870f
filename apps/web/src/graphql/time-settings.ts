import { graphql } from './graphql';

export const TIME_SETTINGS = graphql(`
  query TimeSettings {
    viewer {
      id
      timeZone
      morningSummaryTime
    }
  }
`);

export const UPDATE_TIME_SETTINGS = graphql(`
  mutation UpdateTimeSettings($timeZone: String, $morningSummaryTime: String) {
    updateTimeSettings(timeZone: $timeZone, morningSummaryTime: $morningSummaryTime) {
      __typename
      ... on User {
        id
        timeZone
        morningSummaryTime
      }
      ... on OperationError {
        message
      }
    }
  }
`);
