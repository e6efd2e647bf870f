import path from 'node:path';
import { connectCabinet, registerTelegramUser } from '@wb-assist/core';
import { createPrismaClient } from '@wb-assist/db';
import { startTelegramFake, type TelegramFake } from '@wb-assist/telegram-fake';
import { MemoryRateLimiter } from '@wb-assist/wb-api';
import { startDemo as startDemoShop, startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';

/** The demo seller's Telegram id: the dashboard's «Войти в демо» logs in as this user. */
export const DEMO_TELEGRAM_ID = 700_000_001n;
/** A token the local fake Bot API accepts (it has the shape BotFather gives). */
export const DEMO_BOT_TOKEN = '700000000:AAdemo-bot-token-local-fake-telegram';

export interface DemoOptions {
  databaseUrl: string;
  /** DATA_DIR: the emulator keeps its sellers and issued keys there across restarts. */
  dataDir: string;
  encryptionKey: Buffer;
  /** Start the fake Telegram too: there is no BOT_TOKEN. */
  fakeTelegram: boolean;
  say: (message: string) => void;
}

export interface RunningDemo {
  /** What every app gets on top of its environment. */
  env: Record<string, string>;
  emulatorUrl: string;
  telegramUrl: string | null;
  stop: () => Promise<void>;
}

/**
 * The embedded defaults' living shop: the WB emulator with a demo seller whose orders keep
 * coming, that seller connected for a demo user (the real connect-cabinet path), and — without
 * a BOT_TOKEN — the fake Bot API, whose messages to the demo user are echoed to the log.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  // WB's own limits, not the tests' fast profile: the order feed is read once a minute, as a
  // seller's would be, so the demo shows the delay a real order has.
  // Its state file keeps the keys it issued: a cabinet connected in the demo with an emulator
  // key must not turn key_invalid because `npm start` was restarted.
  const emulator: RunningEmulator = await startEmulator({
    profile: 'real',
    seed: 1,
    stateFile: path.join(options.dataDir, 'wb-emulator.json'),
  });
  const shop = startDemoShop(emulator.store);
  const hosts = emulator.hosts;

  const prisma = createPrismaClient(options.databaseUrl, { poolSize: 2 });
  try {
    const { user } = await registerTelegramUser(prisma, {
      telegramId: DEMO_TELEGRAM_ID,
      firstName: 'Демо',
      username: 'wb_assist_demo',
    });
    const connected = await connectCabinet({
      prisma,
      userId: user.id,
      key: shop.token,
      wb: { hosts, limiter: new MemoryRateLimiter() },
      encryptionKey: options.encryptionKey,
    });
    if (!connected.ok) throw new Error(`demo seller not connected: ${connected.message}`);
    options.say(`demo seller «${connected.sellerName}» connected for the demo user (Telegram id ${DEMO_TELEGRAM_ID})`);
  } finally {
    await prisma.$disconnect();
  }

  let telegram: TelegramFake | null = null;
  let echo: NodeJS.Timeout | null = null;
  if (options.fakeTelegram) {
    telegram = await startTelegramFake({ tokens: [DEMO_BOT_TOKEN] });
    let shown = 0;
    const fake = telegram;
    // What the bot "sent" the demo user, one line each, so the notifications can be seen.
    echo = setInterval(() => {
      const messages = fake.control.messagesTo(Number(DEMO_TELEGRAM_ID));
      for (const message of messages.slice(shown)) {
        const text = (message.text ?? message.caption ?? '')
          .replace(/<[^>]+>/g, '')
          .split('\n')
          .slice(0, 2)
          .join(' · ');
        options.say(`telegram → Демо: ${text}`);
      }
      shown = messages.length;
    }, 1_000);
    echo.unref();
  }

  return {
    env: {
      WB_STATISTICS_API_URL: emulator.url,
      WB_ANALYTICS_API_URL: emulator.url,
      WB_FEEDBACKS_API_URL: emulator.url,
      WB_CONTENT_API_URL: emulator.url,
      WB_COMMON_API_URL: emulator.url,
      DEMO_LOGIN_TELEGRAM_ID: String(DEMO_TELEGRAM_ID),
      // DEMO_TELEGRAM_CONTROL_URL: the dashboard's «Telegram» page shows the demo user's chat.
      ...(telegram
        ? { BOT_TOKEN: DEMO_BOT_TOKEN, TELEGRAM_API_ROOT: telegram.url, DEMO_TELEGRAM_CONTROL_URL: telegram.url }
        : {}),
    },
    emulatorUrl: emulator.url,
    telegramUrl: telegram?.url ?? null,
    async stop() {
      if (echo) clearInterval(echo);
      await telegram?.close();
      await emulator.close();
    },
  };
}
