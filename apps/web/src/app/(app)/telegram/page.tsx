import { DemoTelegramChat } from '../../../components/demo-telegram-chat';

/** The demo's chat with the bot (the fake Telegram behind the API): `npm start` shows the whole product. */
export default function TelegramPage() {
  return <DemoTelegramChat />;
}
