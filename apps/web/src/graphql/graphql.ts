import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * The dashboard's GraphQL documents are written with this function: gql.tada reads them against
 * apps/api/schema.graphql (through graphql-env.d.ts), so each result and its variables are typed
 * from the document itself, and `gql.tada check` refuses a field or argument the API lacks.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  // How the API's custom scalars arrive over JSON (apps/api/src/schema/scalars.ts).
  scalars: {
    Date: string;
    DateTime: string;
    Decimal: string;
    JSON: unknown;
  };
}>();

export type { FragmentOf, ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';
