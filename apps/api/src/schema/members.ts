import { builder } from './builder.ts';
import { Cabinet, CabinetRoleEnum } from './cabinet.ts';

interface MemberRow {
  userId: string;
  role: 'owner' | 'member';
  joinedAt: Date;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  isActive: boolean;
}

const CabinetMember = builder.objectRef<MemberRow>('CabinetMember').implement({
  description: 'A teammate in a cabinet, as the other members see them (no Telegram id).',
  fields: (t) => ({
    role: t.field({ type: CabinetRoleEnum, resolve: (member) => member.role }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
    firstName: t.exposeString('firstName', { nullable: true }),
    lastName: t.exposeString('lastName', { nullable: true }),
    username: t.exposeString('username', { nullable: true }),
    isViewer: t.boolean({
      description: 'True for the signed-in user.',
      resolve: (member, _args, ctx) => member.userId === ctx.viewer?.userId,
    }),
    receivesMessages: t.boolean({
      description: 'False once the member blocked the bot: Telegram messages stopped.',
      resolve: (member) => member.isActive,
    }),
  }),
});

builder.prismaObjectField(Cabinet, 'members', (t) =>
  t.field({
    type: [CabinetMember],
    description: 'Everyone in this cabinet, the owner first, then by joining time.',
    resolve: async (cabinet, _args, ctx) => {
      const rows = await ctx.prisma.cabinetUser.findMany({
        where: { cabinetId: cabinet.id },
        orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
        select: {
          userId: true,
          role: true,
          createdAt: true,
          user: { select: { firstName: true, lastName: true, username: true, isActive: true } },
        },
      });
      return rows.map((row) => ({ userId: row.userId, role: row.role, joinedAt: row.createdAt, ...row.user }));
    },
  }),
);
