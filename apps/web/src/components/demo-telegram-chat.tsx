'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  DEMO_TELEGRAM,
  DEMO_TELEGRAM_PRESS,
  DEMO_TELEGRAM_SEND,
  type DemoTelegramMessage,
} from '../graphql/demo-telegram';
import { useCabinet } from '../lib/cabinet-context';
import { timeOfDayIn } from '../lib/format';
import { telegramHtml } from '../lib/telegram-html';
import { ErrorState, Loading } from './states';
import styles from './demo-telegram-chat.module.css';

/** The bot's answers come on their own time; every 2 s is quick enough to watch them arrive. */
const POLL_MS = 2_000;
const QUICK_COMMANDS = ['/start', '/menu'];

/**
 * The demo user's chat with the bot, drawn like Telegram's: the bot's messages on the left
 * (Telegram HTML, photos, inline buttons that press), the user's on the right, newest at the
 * bottom, and a field to write to the bot. Everything goes through the API; outside the demo
 * the API answers null and the page says so.
 */
export function DemoTelegramChat() {
  const { viewer } = useCabinet();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DEMO_TELEGRAM, requestPolicy: 'network-only' });
  const [sending, send] = useMutation(DEMO_TELEGRAM_SEND);
  const [pressing, press] = useMutation(DEMO_TELEGRAM_PRESS);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [refetch]);

  const chat = data?.demoTelegram;
  const messages = chat?.__typename === 'DemoTelegramChat' ? chat.messages : [];
  const last = messages.at(-1);
  // Newest at the bottom, kept in view as messages arrive or the last one is redrawn.
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [messages.length, last?.id, last?.text]);

  async function write(message: string) {
    setProblem(null);
    const result = (await send({ text: message })).data?.demoTelegramSend;
    if (result?.__typename === 'OperationError') setProblem(result.message);
    else if (!result) setProblem('Не удалось отправить сообщение');
    else refetch({ requestPolicy: 'network-only' });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const message = text.trim();
    if (message === '') return;
    setText('');
    await write(message);
  }

  async function pressButton(message: DemoTelegramMessage, callbackData: string) {
    setProblem(null);
    const result = (await press({ messageId: message.id, callbackData })).data?.demoTelegramPress;
    if (result?.__typename === 'OperationError') setProblem(result.message);
    else if (!result) setProblem('Не удалось нажать кнопку');
    else refetch({ requestPolicy: 'network-only' });
  }

  if (error && !data) return <ErrorState error={error} />;
  if (fetching && !data) return <Loading />;
  if (!chat) {
    return (
      <>
        <h1>Telegram (демо)</h1>
        <p className="muted">
          Переписка с ботом видна здесь только в демо: запустите <code>npm start</code> без BOT_TOKEN и войдите кнопкой
          «Войти в демо».
        </p>
      </>
    );
  }
  const busy = sending.fetching || pressing.fetching;
  return (
    <>
      <h1>Telegram (демо)</h1>
      <p className="muted">
        Так бот WB Assist переписывается с демо-пользователем. Напишите ему команду или нажмите кнопку под его
        сообщением.
      </p>
      <section className={`card ${styles.chat}`} aria-label="Переписка с ботом">
        {chat.__typename === 'OperationError' && (
          <p role="alert" className="error">
            {chat.message}
          </p>
        )}
        <ol ref={list} className={styles.messages} aria-live="polite">
          {messages.length === 0 && <li className={styles.empty}>Сообщений пока нет. Начните с команды /start.</li>}
          {messages.map((message) => (
            <li
              key={message.id}
              className={`${styles.message} ${message.fromBot ? styles.bot : styles.user}`}
              data-testid={message.fromBot ? 'bot-message' : 'user-message'}
              data-message-id={message.id}
            >
              {message.photoUrl && (
                <img className={styles.photo} src={message.photoUrl} alt="Фото товара" loading="lazy" />
              )}
              {message.text !== null && (
                <div className={styles.text}>{message.fromBot ? telegramHtml(message.text) : message.text}</div>
              )}
              <time className={styles.time} dateTime={message.date}>
                {timeOfDayIn(new Date(message.date), viewer.timeZone).slice(0, 5)}
              </time>
              {message.buttons.length > 0 && (
                <div className={styles.keyboard}>
                  {message.buttons.map((row, rowIndex) => (
                    <div key={rowIndex} className={styles.row}>
                      {row.map((button, index) =>
                        button.callbackData !== null ? (
                          <button
                            key={index}
                            type="button"
                            className={styles.key}
                            disabled={busy}
                            onClick={() => void pressButton(message, button.callbackData!)}
                          >
                            {button.text}
                          </button>
                        ) : button.url !== null && /^https?:\/\//.test(button.url) ? (
                          <a
                            key={index}
                            className={styles.key}
                            href={button.url}
                            target="_blank"
                            rel="noopener noreferrer nofollow"
                          >
                            {button.text} ↗
                          </a>
                        ) : (
                          <span key={index} className={styles.key}>
                            {button.text}
                          </span>
                        ),
                      )}
                    </div>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ol>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <div className={styles.quick}>
          {QUICK_COMMANDS.map((command) => (
            <button
              key={command}
              type="button"
              className={styles.key}
              disabled={busy}
              onClick={() => void write(command)}
            >
              {command}
            </button>
          ))}
        </div>
        <form className={styles.compose} onSubmit={(event) => void submit(event)}>
          <input
            aria-label="Сообщение боту"
            placeholder="Сообщение или команда, например /start"
            value={text}
            maxLength={4096}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button" disabled={busy || text.trim() === ''}>
            Отправить
          </button>
        </form>
      </section>
    </>
  );
}
