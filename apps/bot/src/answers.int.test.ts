import { afterAll, beforeAll, expect, it } from 'vitest';
import { saveAnswerTemplate } from '@wb-assist/core';
import type { Message } from '@wb-assist/telegram-fake';
import { SellerChat } from './testing/seller-chat.ts';
import {
  quietTraffic,
  startSystemWithBotProcess,
  textOf,
  waitFor,
  type BotProcess,
  type System,
} from './testing/system.ts';

// Answering buyers from Telegram, as a seller does it: «Ответить» under a review notification, a
// template or their own words, a preview, «Отправить» — and WB holds exactly one answer whatever
// happens around the press: a double press, a teammate, a bot killed mid-send, a read-only key.
// The bot runs as its own process so a test can kill it.

let system: System & { bot: BotProcess };

beforeAll(async () => {
  system = await startSystemWithBotProcess();
}, 90_000);
afterAll(async () => {
  await system?.stop();
});

const ANSWER_POST = '/api/v1/feedbacks/answer';

/** How many times the bot asked WB to post an answer for this seller. */
async function answerPosts(sid: string): Promise<number> {
  const { requests } = await system.emulator.control.requests(sid);
  return requests.filter((request) => request.method === 'POST' && request.path.startsWith(ANSWER_POST)).length;
}

/** A fresh seller, connected in this chat, and a 2★ review's notification with «Ответить». */
async function reviewNotification(chat: SellerChat, name: string, key?: { readOnly: boolean }) {
  const seller = await system.emulator.control.createSeller({ name, historyDays: 1, traffic: quietTraffic(10) });
  if (key?.readOnly) await connectReadOnly(chat, seller.sid);
  else await chat.connect(seller.sid);
  const before = chat.lastId();
  await system.tick();
  const review = await system.emulator.control.addReview(seller.sid, { valuation: 2, text: 'Пришло с браком' });
  const message = await chat.waitFor(
    'the review notification',
    /Негативный отзыв[\s\S]*Пришло с браком/,
    before,
    60_000,
  );
  return { seller, review, message };
}

async function connectReadOnly(chat: SellerChat, sid: string): Promise<Message> {
  chat.say('/start');
  await chat.waitFor('the welcome', /Пришлите ключ WB API/);
  const { token } = await system.emulator.control.createToken({
    sid,
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
    readOnly: true,
  });
  const sent = chat.say(token);
  return chat.waitFor('the main menu', /^🏠 <b>Главное меню/, sent.message_id, 90_000);
}

const buttonsOf = (message: Message): string[] =>
  ((message.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? [])
    .flat()
    .map((button) => button.text);

const current = (chat: SellerChat, message: Message): Message =>
  chat.inbox().find((m) => m.message_id === message.message_id)!;

it('answers a 2★ review from its notification, once, however often «Отправить» is pressed', async () => {
  const owner = new SellerChat(system, 7_700_001);
  const { seller, review, message } = await reviewNotification(owner, 'ИП Ответова');
  expect(buttonsOf(message)).toEqual(['Открыть на WB', 'Ответить', 'Не присылать такие']);
  const { cabinetId } = await system.prisma.cabinetUser.findFirstOrThrow({
    where: { user: { telegramId: BigInt(owner.chatId) } },
  });
  const { userId } = await system.prisma.cabinetUser.findFirstOrThrow({ where: { cabinetId } });
  await saveAnswerTemplate({
    db: system.prisma,
    userId,
    cabinetId,
    title: 'Извинение',
    text: '{имя}, простите за брак в «{товар}»! Напишите в чат — заменим.',
  });

  // «Ответить»: asked for the text, with the cabinet's template as a button.
  let mark = owner.lastId();
  owner.press(message, /Ответить/);
  const prompt = await owner.waitFor('the prompt', /Напишите ответ одним сообщением/, mark);
  expect(textOf(prompt)).toContain('Пришло с браком');

  // The template, filled with the buyer's name and the product: a preview, nothing sent yet.
  owner.press(prompt, /Извинение/);
  const filled = await owner.waitForEdit('the template preview', prompt, /Отправить покупателю\?/);
  expect(textOf(filled)).toMatch(/простите за брак в «[^{}]+»! Напишите в чат — заменим\./);
  expect(textOf(filled)).not.toContain('{');
  expect(await answerPosts(seller.sid)).toBe(0);

  // «Изменить», then words of their own: a one-letter answer is refused before anything else.
  owner.press(filled, /Изменить/);
  await owner.waitForEdit('the prompt again', prompt, /Напишите ответ одним сообщением/);
  mark = owner.lastId();
  owner.say('Ж');
  await owner.waitFor('the length refusal', /Слишком коротко/, mark);
  const answer = 'Простите за брак! Напишите нам в чат заказа — заменим товар за наш счёт.';
  mark = owner.lastId();
  owner.say(answer);
  const preview = await owner.waitFor('the preview', /Отправить покупателю\?/, mark);
  expect(textOf(preview)).toContain(answer);
  expect(buttonsOf(preview)).toEqual(['Отправить', 'Изменить', 'Отмена']);

  // «Отправить» twice in a row: one answer at WB, the preview and the notification both show it.
  const first = owner.press(preview, /^Отправить$/);
  const second = owner.press(preview, /^Отправить$/);
  expect(await owner.notice(first)).toBe('Ответ отправлен');
  expect(await owner.notice(second)).toBe('Ответ отправлен');
  await owner.waitForEdit('the preview showing the sent answer', preview, /✅ <b>Ответ отправлен<\/b>/);
  const answered = await owner.waitForEdit('the notification with the answer', message, /Ответ отправлен/);
  expect(textOf(answered)).toContain('Пришло с браком');
  expect(textOf(answered)).toContain(`«${answer}»`);
  expect(textOf(answered)).toMatch(/Ответ отправлен<\/b> — User 7700001/);
  expect(buttonsOf(answered)).toEqual(['Открыть на WB', 'Не присылать такие']);
  expect((await system.emulator.control.review(seller.sid, review.id)).answer?.text).toBe(answer);
  expect(await answerPosts(seller.sid)).toBe(1);

  // The old «Ответить» pressed again (an earlier copy, a slow finger): the answer that stands, no second one.
  const again = system.telegram.control.injectCallback(owner.chatId, message.message_id, `ans:r:${review.id}`);
  expect(await owner.notice(again)).toBe('На этот отзыв уже ответили');
  expect(await answerPosts(seller.sid)).toBe(1);
}, 180_000);

it('still posts one answer when the bot is killed between WB taking it and the bot recording it', async () => {
  const chat = new SellerChat(system, 7_700_002);
  const { seller, review, message } = await reviewNotification(chat, 'ИП Падающий');
  let mark = chat.lastId();
  chat.press(message, /Ответить/);
  await chat.waitFor('the prompt', /Напишите ответ одним сообщением/, mark);
  const answer = 'Спасибо, что написали. Разберёмся с браком и вернём деньги.';
  mark = chat.lastId();
  chat.say(answer);
  const preview = await chat.waitFor('the preview', /Отправить покупателю\?/, mark);

  // WB applies the answer at once and holds its reply; the bot dies waiting for it.
  await system.emulator.control.holdReplies({ method: 'feedbacks-answer', ms: 30_000 });
  chat.press(preview, /^Отправить$/);
  await waitFor('WB to hold the answer', async () => {
    const held = await system.emulator.control.review(seller.sid, review.id);
    return held.answer?.text === answer || undefined;
  });
  await system.bot.kill();
  await system.bot.restart();

  // Pressed again until the bot can tell: in flight at first, then settled from WB without a second post.
  const shown = await waitFor(
    'the answer confirmed after the restart',
    async () => {
      const notice = await chat.notice(chat.press(current(chat, preview), /Отправить/));
      if (notice === 'Ответ отправлен') return current(chat, preview);
      expect(notice).toMatch(/уже отправляется|не подтвердил/);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return undefined;
    },
    60_000,
  );
  expect(textOf(shown)).toContain('Ответ отправлен');
  await chat.waitForEdit('the notification with the answer', message, new RegExp(`Ответ отправлен[\\s\\S]*${answer}`));
  expect(await answerPosts(seller.sid)).toBe(1);
  expect((await system.emulator.control.review(seller.sid, review.id)).answer?.text).toBe(answer);
}, 180_000);

it('explains a read-only key plainly, keeps the draft, and sends it once the key is replaced', async () => {
  const chat = new SellerChat(system, 7_700_003);
  const { seller, review, message } = await reviewNotification(chat, 'ИП Читатель', { readOnly: true });
  const connected = chat.inbox().find((m) => /Кабинет «ИП Читатель» подключён/.test(textOf(m)));
  expect(textOf(connected!)).toContain(
    'Ключ только для чтения: уведомления будут приходить, а отвечать покупателям на отзывы и вопросы из бота не получится.',
  );
  expect(textOf(connected!)).toContain('без отметки «Только на чтение»');

  let mark = chat.lastId();
  chat.press(message, /Ответить/);
  await chat.waitFor('the prompt', /Напишите ответ одним сообщением/, mark);
  const answer = 'Очень жаль! Заменим товар, напишите нам в чат заказа.';
  mark = chat.lastId();
  chat.say(answer);
  const preview = await chat.waitFor('the preview', /Отправить покупателю\?/, mark);

  chat.press(preview, /^Отправить$/);
  const refused = await chat.waitForEdit('the refusal', preview, /Ключ WB только для чтения/);
  expect(textOf(refused)).toContain('Настройки → Доступ к API');
  expect(textOf(refused)).toContain(answer);
  expect(buttonsOf(refused)).toEqual(['Отправить снова', 'Изменить', 'Отмена']);
  expect((await system.emulator.control.review(seller.sid, review.id)).answer).toBeNull();

  // A key that can write, sent in the same chat: it replaces the read-only one.
  const { token } = await system.emulator.control.createToken({
    sid: seller.sid,
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
  });
  mark = chat.lastId();
  chat.say(token);
  const replaced = await chat.waitFor('the key accepted', /Кабинет «ИП Читатель» уже подключён/, mark);
  expect(textOf(replaced)).not.toContain('только для чтения');

  chat.press(current(chat, preview), /Отправить снова/);
  await chat.waitForEdit('the sent answer', preview, /✅ <b>Ответ отправлен<\/b>/);
  await chat.waitForEdit('the notification with the answer', message, /Ответ отправлен/);
  expect((await system.emulator.control.review(seller.sid, review.id)).answer?.text).toBe(answer);
  expect(await answerPosts(seller.sid)).toBe(1);
}, 180_000);

it('shows a teammate’s answer on every member’s copy, and refuses a member who left', async () => {
  const seller = await system.emulator.control.createSeller({
    name: 'ООО Вопросник',
    historyDays: 1,
    traffic: quietTraffic(10),
  });
  const owner = new SellerChat(system, 7_700_004);
  const mate = new SellerChat(system, 7_700_005);
  const ownerMenu = await owner.connect(seller.sid);
  owner.press(ownerMenu, /Кабинеты/);
  const cabinets = await owner.waitForEdit('the cabinets screen', ownerMenu, /Пригласить/);
  owner.press(cabinets, /Пригласить/);
  const invite = await owner.waitForEdit('the invite link', ownerMenu, /start=inv_/);
  mate.say(`/start ${/start=(inv_[\w-]+)/.exec(textOf(invite))![1]}`);
  const mateMenu = await mate.waitFor('the teammate menu', /Вы присоединились[\s\S]*Главное меню/);

  const question = async (text: string) => {
    const marks = [owner.lastId(), mate.lastId()];
    await system.tick();
    const asked = await system.emulator.control.addQuestion(seller.sid, { text });
    const pattern = new RegExp(`Вопрос покупателя[\\s\\S]*${text}`);
    return {
      id: asked.id,
      owners: await owner.waitFor('the owner’s question', pattern, marks[0], 60_000),
      mates: await mate.waitFor('the teammate’s question', pattern, marks[1], 60_000),
    };
  };

  // The teammate answers; the owner's copy shows the answer and who gave it, without «Ответить».
  const first = await question('Есть ли размер XL?');
  let mark = mate.lastId();
  mate.press(first.mates, /Ответить/);
  await mate.waitFor('the prompt', /Напишите ответ одним сообщением/, mark);
  const answer = 'Да, XL есть на складе в Коледино.';
  mark = mate.lastId();
  mate.say(answer);
  const preview = await mate.waitFor('the preview', /Отправить покупателю\?/, mark);
  expect(await mate.notice(mate.press(preview, /^Отправить$/))).toBe('Ответ отправлен');
  const ownersCopy = await owner.waitForEdit('the owner’s copy answered', first.owners, /Ответ отправлен/);
  expect(textOf(ownersCopy)).toContain(`Ответ отправлен</b> — User ${mate.chatId}: «${answer}»`);
  expect(buttonsOf(ownersCopy)).toEqual(['Открыть на WB', 'Не присылать такие']);
  expect((await system.emulator.control.question(seller.sid, first.id)).answer?.text).toBe(answer);
  const late = system.telegram.control.injectCallback(owner.chatId, first.owners.message_id, `ans:q:${first.id}`);
  expect(await owner.notice(late)).toBe('На этот вопрос уже ответили');

  // A draft written before leaving the cabinet is refused at «Отправить», and WB gets nothing.
  const second = await question('А цвет чёрный будет?');
  mark = mate.lastId();
  mate.press(second.mates, /Ответить/);
  await mate.waitFor('the prompt', /Напишите ответ одним сообщением/, mark);
  mark = mate.lastId();
  mate.say('Будет через неделю.');
  const draft = await mate.waitFor('the preview', /Отправить покупателю\?/, mark);
  mate.press(current(mate, mateMenu), /Кабинеты/);
  const mateCabinets = await mate.waitForEdit('the cabinets screen', mateMenu, /Покинуть/);
  mate.press(mateCabinets, /Покинуть/);
  const confirm = await mate.waitForEdit('the leave confirmation', mateMenu, /Да, покинуть/);
  mate.press(confirm, /Да, покинуть/);
  await waitFor('the teammate gone', async () => {
    const members = await system.prisma.cabinetUser.count({ where: { user: { telegramId: BigInt(mate.chatId) } } });
    return members === 0 || undefined;
  });
  expect(await mate.notice(mate.press(draft, /^Отправить$/))).toMatch(/не участник кабинета/);
  expect(await mate.notice(mate.press(second.mates, /Ответить/))).toMatch(/не участник кабинета/);
  expect((await system.emulator.control.question(seller.sid, second.id)).answer).toBeNull();
}, 180_000);
