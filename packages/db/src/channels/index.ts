export { CHANNEL_KEYS, CHANNELS, type Channel, type ChannelMessage, type ChannelPayloads } from './channels.ts';
export { listen, listenSql, parseNotification, type NotificationLogger, type ParsedNotification } from './listen.ts';
export { notify } from './notify.ts';
