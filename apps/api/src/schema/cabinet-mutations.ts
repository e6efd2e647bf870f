import { acceptInvite, connectCabinet, createInvite, leaveCabinet, requestSync } from '@wb-assist/core';
import { forgetMembership } from '../auth/cabinet-access.ts';
import { viewerId } from '../context.ts';
import { builder } from './builder.ts';
import { NotificationTypeEnum } from './enums.ts';
import { ConnectCabinetError, ForbiddenError, OperationError, SyncRequestRejected } from './errors.ts';

interface Connected {
  cabinetId: string;
  sellerName: string;
  joined: boolean;
  alreadyMember: boolean;
  available: string[];
  warnings: string[];
}

const ConnectCabinetPayload = builder.objectRef<Connected>('ConnectCabinetPayload').implement({
  fields: (t) => ({
    cabinet: t.prismaField({
      type: 'Cabinet',
      resolve: (query, result, _args, ctx) =>
        ctx.prisma.cabinet.findUniqueOrThrow({ ...query, where: { id: result.cabinetId } }),
    }),
    sellerName: t.exposeString('sellerName'),
    joined: t.exposeBoolean('joined', { description: 'The seller was connected before: the viewer joined it.' }),
    alreadyMember: t.exposeBoolean('alreadyMember'),
    available: t.field({ type: [NotificationTypeEnum], resolve: (result) => result.available as never }),
    warnings: t.exposeStringList('warnings'),
  }),
});

builder.mutationField('connectCabinet', (t) =>
  t.field({
    type: ConnectCabinetPayload,
    description: 'Connects a WB API key; refusals carry the same Russian messages as the bot.',
    errors: { types: [ConnectCabinetError, ForbiddenError] },
    args: { key: t.arg.string({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (_root, { key }, ctx) => {
      const result = await connectCabinet({
        prisma: ctx.prisma,
        userId: viewerId(ctx),
        key,
        wb: ctx.config.wb,
        encryptionKey: ctx.config.encryptionKey,
      });
      if (!result.ok) throw new ConnectCabinetError(result.error, result.message);
      forgetMembership(viewerId(ctx), result.cabinetId);
      return result;
    },
  }),
);

const Invite = builder.objectRef<{ code: string; expiresAt: Date }>('Invite').implement({
  description: 'A one-time code that lets a teammate join; shown once.',
  fields: (t) => ({ code: t.exposeString('code'), expiresAt: t.expose('expiresAt', { type: 'DateTime' }) }),
});

builder.mutationField('createInvite', (t) =>
  t.field({
    type: Invite,
    errors: { types: [OperationError, ForbiddenError] },
    args: { cabinetId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    resolve: async (_root, args, ctx) => {
      const result = await createInvite(ctx.prisma, { cabinetId: String(args.cabinetId), userId: viewerId(ctx) });
      if (!result.ok) throw new OperationError(result.error, result.message);
      return { code: result.code, expiresAt: result.expiresAt };
    },
  }),
);

const AcceptInvitePayload = builder
  .objectRef<{ cabinetId: string; cabinetName: string; alreadyMember: boolean }>('AcceptInvitePayload')
  .implement({
    fields: (t) => ({
      cabinet: t.prismaField({
        type: 'Cabinet',
        resolve: (query, result, _args, ctx) =>
          ctx.prisma.cabinet.findUniqueOrThrow({ ...query, where: { id: result.cabinetId } }),
      }),
      cabinetName: t.exposeString('cabinetName'),
      alreadyMember: t.exposeBoolean('alreadyMember'),
    }),
  });

builder.mutationField('acceptInvite', (t) =>
  t.field({
    type: AcceptInvitePayload,
    errors: { types: [OperationError, ForbiddenError] },
    args: { code: t.arg.string({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (_root, { code }, ctx) => {
      const result = await acceptInvite(ctx.prisma, { code: code.trim(), userId: viewerId(ctx) });
      if (!result.ok) throw new OperationError(result.error, result.message);
      forgetMembership(viewerId(ctx), result.cabinetId);
      return result;
    },
  }),
);

const LeaveCabinetPayload = builder.objectRef<{ cabinetDeleted: boolean }>('LeaveCabinetPayload').implement({
  fields: (t) => ({
    cabinetDeleted: t.exposeBoolean('cabinetDeleted', {
      description: 'The viewer was the last member: the cabinet and its data are gone.',
    }),
  }),
});

builder.mutationField('leaveCabinet', (t) =>
  t.field({
    type: LeaveCabinetPayload,
    errors: { types: [OperationError, ForbiddenError] },
    args: { cabinetId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    resolve: async (_root, args, ctx) => {
      const result = await leaveCabinet(ctx.prisma, { cabinetId: String(args.cabinetId), userId: viewerId(ctx) });
      forgetMembership(viewerId(ctx), String(args.cabinetId));
      if (!result.ok) throw new OperationError(result.error, result.message);
      return { cabinetDeleted: result.cabinetDeleted };
    },
  }),
);

const RequestSyncPayload = builder.objectRef<{ nextSyncAt: Date }>('RequestSyncPayload').implement({
  fields: (t) => ({ nextSyncAt: t.expose('nextSyncAt', { type: 'DateTime' }) }),
});

builder.mutationField('requestSync', (t) =>
  t.field({
    type: RequestSyncPayload,
    description: 'Asks for a sync now; refused while one was requested moments ago.',
    errors: { types: [SyncRequestRejected, ForbiddenError] },
    args: { cabinetId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    resolve: async (_root, args, ctx) => {
      const result = await requestSync(ctx.prisma, { cabinetId: String(args.cabinetId), userId: viewerId(ctx) });
      if (!result.ok) throw new SyncRequestRejected(result.error, result.message, result.retryAfterSeconds ?? null);
      return { nextSyncAt: result.nextSyncAt };
    },
  }),
);
