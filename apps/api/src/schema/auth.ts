import {
  consumeLoginLink,
  createSession,
  createSocketToken,
  registerTelegramUser,
  revokeSession,
  verifyTelegramLogin,
} from '@wb-assist/core';
import { forgetToken } from '../auth/authenticate.ts';
import { clearedSessionCookie, sessionCookie } from '../auth/cookies.ts';
import { demoTelegramId } from '../config.ts';
import { viewerId, type GraphQLContext } from '../context.ts';
import { builder } from './builder.ts';
import { ForbiddenError, OperationError } from './errors.ts';

const LoginPayload = builder.objectRef<{ userId: string; expiresAt: Date }>('LoginPayload').implement({
  description: 'The session travels in an httpOnly cookie; the token is never in the body.',
  fields: (t) => ({
    user: t.prismaField({
      type: 'User',
      resolve: (query, result, _args, ctx) =>
        ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: result.userId } }),
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

async function startSession(ctx: GraphQLContext, userId: string) {
  const session = await createSession(ctx.prisma, { userId, userAgent: ctx.userAgent });
  ctx.setCookie(sessionCookie(session.token, session.expiresAt, ctx.config.secureCookies));
  return { userId, expiresAt: session.expiresAt };
}

const TelegramLoginInput = builder.inputType('TelegramLoginInput', {
  description: 'The fields the Telegram Login Widget passes to its callback, unchanged.',
  fields: (t) => ({
    id: t.string({ required: true }),
    first_name: t.string(),
    last_name: t.string(),
    username: t.string(),
    photo_url: t.string(),
    auth_date: t.string({ required: true }),
    hash: t.string({ required: true }),
  }),
});

builder.mutationField('loginWithTelegram', (t) =>
  t.field({
    type: LoginPayload,
    errors: { types: [OperationError] },
    args: { data: t.arg({ type: TelegramLoginInput, required: true }) },
    resolve: async (_root, { data }, ctx) => {
      if (!ctx.config.botToken) {
        throw new OperationError('telegram_login_disabled', 'Вход через Telegram не настроен на этом сервере.');
      }
      // Only the fields Telegram sent take part in the signature check.
      const fields = Object.fromEntries(
        Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      const verified = verifyTelegramLogin(fields, { botToken: ctx.config.botToken });
      if (!verified.ok) throw new OperationError(verified.error, verified.message);
      const { user } = await registerTelegramUser(ctx.prisma, {
        telegramId: verified.user.telegramId,
        username: verified.user.username,
        firstName: verified.user.firstName,
        lastName: verified.user.lastName,
      });
      return startSession(ctx, user.id);
    },
  }),
);

builder.mutationField('loginWithLink', (t) =>
  t.field({
    type: LoginPayload,
    description: 'Signs in with the one-time link the bot sends («Веб-кабинет»).',
    errors: { types: [OperationError] },
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, { token }, ctx) => {
      const link = await consumeLoginLink(ctx.prisma, { token });
      if (!link) {
        throw new OperationError(
          'link_invalid',
          'Ссылка для входа недействительна или уже использована. Запросите новую в боте.',
        );
      }
      return startSession(ctx, link.userId);
    },
  }),
);

builder.mutationField('demoLogin', (t) =>
  t.field({
    type: LoginPayload,
    description: 'Demo deployments only: signs in as the demo seller. Refused unless enabled by config.',
    errors: { types: [OperationError] },
    resolve: async (_root, _args, ctx) => {
      const telegramId = demoTelegramId(ctx.config);
      const user = telegramId ? await ctx.prisma.user.findUnique({ where: { telegramId } }) : null;
      if (!user) throw new OperationError('demo_disabled', 'Демо-вход на этом сервере выключен.');
      return startSession(ctx, user.id);
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Ends the current web session and clears its cookie. API tokens are revoked separately.',
    resolve: async (_root, _args, ctx) => {
      ctx.setCookie(clearedSessionCookie(ctx.config.secureCookies));
      const token = ctx.viewer?.sessionToken;
      if (!token) return false;
      await revokeSession(ctx.prisma, { token });
      forgetToken({ token });
      return true;
    },
  }),
);

const SocketToken = builder.objectRef<{ token: string; expiresAt: Date }>('SocketToken').implement({
  description: 'A short-lived token for graphql-ws connectionParams: { token }.',
  fields: (t) => ({ token: t.exposeString('token'), expiresAt: t.expose('expiresAt', { type: 'DateTime' }) }),
});

builder.mutationField('createSocketToken', (t) =>
  t.field({
    type: SocketToken,
    errors: { types: [ForbiddenError] },
    authScopes: { signedIn: true },
    resolve: async (_root, _args, ctx) => {
      const created = await createSocketToken(ctx.prisma, { userId: viewerId(ctx) });
      return { token: created.token, expiresAt: created.expiresAt };
    },
  }),
);
