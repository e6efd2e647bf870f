import { createApiToken, revokeApiToken } from '@wb-assist/core';
import { forgetToken } from '../auth/authenticate.ts';
import { isUuid } from '../auth/cabinet-access.ts';
import { viewerId } from '../context.ts';
import { builder } from './builder.ts';
import { storableText } from './storable-text.ts';
import { ForbiddenError, OperationError } from './errors.ts';

const CreateApiTokenPayload = builder
  .objectRef<{ id: string; token: string; prefix: string; name: string }>('CreateApiTokenPayload')
  .implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name'),
      prefix: t.exposeString('prefix'),
      token: t.exposeString('token', {
        description: 'The secret, shown this once; send it as `Authorization: Bearer <token>`.',
      }),
    }),
  });

builder.mutationField('createApiToken', (t) =>
  t.field({
    type: CreateApiTokenPayload,
    errors: { types: [OperationError, ForbiddenError] },
    args: { name: t.arg.string({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (_root, { name }, ctx) => {
      const trimmed = storableText(name, 'name').trim();
      if (trimmed.length === 0 || trimmed.length > 100) {
        throw new OperationError('invalid_name', 'Название токена — от 1 до 100 символов.');
      }
      const created = await createApiToken(ctx.prisma, { userId: viewerId(ctx), name: trimmed });
      return { id: created.id, token: created.token, prefix: created.prefix, name: trimmed };
    },
  }),
);

builder.mutationField('revokeApiToken', (t) =>
  t.field({
    type: 'Boolean',
    description: "False when no such token of the viewer's exists.",
    errors: { types: [ForbiddenError], directResult: false },
    args: { id: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (_root, { id }, ctx) => {
      if (!isUuid(String(id))) return false;
      const revoked = await revokeApiToken(ctx.prisma, { userId: viewerId(ctx), tokenId: String(id) });
      if (revoked) forgetToken({ apiTokenId: String(id) });
      return revoked;
    },
  }),
);
