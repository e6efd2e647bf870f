import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { ForbiddenError } from '@pothos/plugin-scope-auth';
import type PrismaTypes from '@wb-assist/db/pothos-types';
import { getDatamodel } from '@wb-assist/db/pothos-types';
import type { GraphQLContext } from '../context.ts';

export type Scalars = {
  DateTime: { Input: Date; Output: Date };
  Date: { Input: string; Output: string };
  Decimal: { Input: string; Output: { toString(): string } };
  JSON: { Input: unknown; Output: unknown };
};

// Errors come first so that a ForbiddenError thrown by scope-auth can become a typed result
// on mutations that list it.
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  Scalars: Scalars;
  AuthScopes: { signedIn: boolean; cabinetMember: string; cabinetOwner: string };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ErrorsPlugin, ScopeAuthPlugin, RelayPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  prisma: {
    // The client comes from the context so the schema can be built (and printed) without a
    // database.
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  // Unions name the payload type itself: `... on LoginPayload`, not a generated wrapper.
  errors: { defaultTypes: [], directResult: true },
  scopeAuth: {
    authorizeOnSubscribe: true,
    // Membership is asked per cabinet id and cached for the request, so a list of a hundred
    // orders of one cabinet costs one membership lookup.
    authScopes: (ctx) => ({
      signedIn: ctx.viewer !== null,
      cabinetMember: (cabinetId) => ctx.access.isMember(cabinetId),
      cabinetOwner: async (cabinetId) => (await ctx.access.roleIn(cabinetId)) === 'owner',
    }),
    unauthorizedError: () => new ForbiddenError('Нет доступа: войдите или проверьте, что вы участник кабинета.'),
  },
});
