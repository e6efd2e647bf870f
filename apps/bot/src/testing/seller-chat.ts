import type { Message } from '@wb-assist/telegram-fake';
import { textOf, waitFor, type System } from './system.ts';

/** One seller's Telegram chat in a test: what they see, what they press. */
export class SellerChat {
  readonly system: System;
  readonly chatId: number;

  constructor(system: System, chatId: number) {
    this.system = system;
    this.chatId = chatId;
  }

  inbox(): Message[] {
    return this.system.inbox(this.chatId);
  }

  lastId(): number {
    return Math.max(0, ...this.inbox().map((message) => message.message_id));
  }

  say(text: string): Message {
    return this.system.telegram.control.injectMessage(this.chatId, text);
  }

  /** Presses the button; returns the callback query's id, for the notice the bot answers it with. */
  press(message: Message, button: RegExp): string {
    const keyboard = (message.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] })
      ?.inline_keyboard;
    const found = keyboard?.flat().find((b) => button.test(b.text));
    if (!found?.callback_data) throw new Error(`no button ${button} under message ${message.message_id}`);
    return this.system.telegram.control.injectCallback(this.chatId, message.message_id, found.callback_data);
  }

  /** The notice the bot answered a button press with ('' for none), once it has answered. */
  notice(queryId: string, timeoutMs = 30_000): Promise<string> {
    return waitFor(
      `the answer to button press ${queryId}`,
      () => {
        const call = this.system.telegram.control
          .calls()
          .find((c) => c.method === 'answerCallbackQuery' && String(c.params.callback_query_id) === queryId);
        return call ? String(call.params.text ?? '') : undefined;
      },
      timeoutMs,
    );
  }

  /** The first message after `after` whose text matches (a message edited into the text counts). */
  waitFor(what: string, pattern: RegExp, after = 0, timeoutMs = 30_000): Promise<Message> {
    return waitFor(
      what,
      () => this.inbox().find((message) => message.message_id > after && pattern.test(textOf(message))),
      timeoutMs,
    );
  }

  /** The given message once it shows the pattern (after an edit). */
  waitForEdit(what: string, message: Message, pattern: RegExp, timeoutMs = 30_000): Promise<Message> {
    return waitFor(
      what,
      () =>
        this.inbox().find(
          (m) => m.message_id === message.message_id && pattern.test(textOf(m) + JSON.stringify(m.reply_markup ?? '')),
        ),
      timeoutMs,
    );
  }

  /** /start, a fresh full key of the seller, through the initial sync to the main menu. */
  async connect(sid: string): Promise<Message> {
    this.say('/start');
    await this.waitFor('the welcome', /Пришлите ключ WB API/);
    const { token } = await this.system.emulator.control.createToken({
      sid,
      categories: ['statistics', 'analytics', 'feedbacks', 'content'],
    });
    const sent = this.say(token);
    return this.waitFor('the main menu', /^🏠 <b>Главное меню/, sent.message_id, 90_000);
  }
}
