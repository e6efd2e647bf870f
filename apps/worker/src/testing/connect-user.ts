import { connectCabinet } from '@wb-assist/core';
import type { PrismaClient } from '@wb-assist/db';
import { MemoryRateLimiter } from '@wb-assist/wb-api';
import type { RunningEmulator } from '@wb-assist/wb-emulator';

/** A new user who connects a fresh full-access key of an emulator seller, the real way. */
export async function connectUser(options: {
  prisma: PrismaClient;
  emulator: RunningEmulator;
  sid: string;
  telegramId: bigint;
  encryptionKey: Buffer;
}): Promise<{ userId: string; cabinetId: string }> {
  const { emulator } = options;
  const { token } = await emulator.control.createToken({
    sid: options.sid,
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
  });
  const user = await options.prisma.user.create({ data: { telegramId: options.telegramId } });
  const hosts = emulator.hosts;
  const result = await connectCabinet({
    prisma: options.prisma,
    userId: user.id,
    key: token,
    wb: { hosts, limiter: new MemoryRateLimiter() },
    encryptionKey: options.encryptionKey,
  });
  if (!result.ok) throw new Error(result.message);
  return { userId: user.id, cabinetId: result.cabinetId };
}
