import { acceptInvite, connectCabinet, createInvite, registerTelegramUser } from '@wb-assist/core';
import type { PrismaClient } from '@wb-assist/db';
import { MemoryRateLimiter } from '@wb-assist/wb-api';
import type { RunningEmulator } from '@wb-assist/wb-emulator';
import { inParallel } from './in-parallel.ts';

/** A cabinet as the soak knows it: the emulator's seller and the Telegram chats subscribed to it. */
export interface SoakCabinet {
  sid: string;
  cabinetId: string;
  chatIds: number[];
  /** The WB key its owner connected: the soak checks that no log ever shows it. */
  key: string;
}

const OWNER_IDS = 700_000_000;
const TEAMMATE_IDS = 800_000_000;

/**
 * The users, the way real ones arrive: each registers by Telegram id and connects a fresh
 * full-access key of their shop through connectCabinet (checked locally, then by WB's
 * seller-info); every `secondMemberEvery`-th owner invites a teammate who accepts the one-time
 * invite. All of it before the shops' clock moves, so every member is there for every event.
 */
export async function connectUsers(options: {
  prisma: PrismaClient;
  emulator: RunningEmulator;
  sids: string[];
  encryptionKey: Buffer;
  secondMemberEvery: number;
}): Promise<SoakCabinet[]> {
  const { prisma, emulator } = options;
  const hosts = emulator.hosts;
  const cabinets: SoakCabinet[] = [];
  await inParallel(
    options.sids.map((sid, index) => ({ sid, index })),
    8,
    async ({ sid, index }) => {
      const ownerChat = OWNER_IDS + index + 1;
      const { user: owner } = await registerTelegramUser(prisma, {
        telegramId: BigInt(ownerChat),
        firstName: `Продавец ${index + 1}`,
      });
      const { token } = await emulator.control.createToken({
        sid,
        categories: ['statistics', 'analytics', 'feedbacks', 'content'],
      });
      const connected = await connectCabinet({
        prisma,
        userId: owner.id,
        key: token,
        wb: { hosts, limiter: new MemoryRateLimiter() },
        encryptionKey: options.encryptionKey,
      });
      if (!connected.ok) throw new Error(`connecting shop ${sid}: ${connected.message}`);
      const cabinet: SoakCabinet = { sid, cabinetId: connected.cabinetId, chatIds: [ownerChat], key: token };
      if (options.secondMemberEvery > 0 && index % options.secondMemberEvery === 0) {
        const teammateChat = TEAMMATE_IDS + index + 1;
        const { user: teammate } = await registerTelegramUser(prisma, {
          telegramId: BigInt(teammateChat),
          firstName: `Менеджер ${index + 1}`,
        });
        const invite = await createInvite(prisma, { cabinetId: cabinet.cabinetId, userId: owner.id });
        if (!invite.ok) throw new Error(`inviting into ${cabinet.cabinetId}: ${invite.message}`);
        const joined = await acceptInvite(prisma, { code: invite.code, userId: teammate.id });
        if (!joined.ok) throw new Error(`joining ${cabinet.cabinetId}: ${joined.message}`);
        cabinet.chatIds.push(teammateChat);
      }
      cabinets.push(cabinet);
    },
  );
  return cabinets;
}
