// Telegram's limits. We measure the HTML source, which is never shorter than the text
// Telegram counts after parsing the markup, so staying under these is always safe.
export const MESSAGE_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
/** callback_data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;
/**
 * Characters a review or question message leaves free under its limit: once answered, the bot
 * redraws it with a line saying who answered and how, which must fit beside the original text.
 */
export const ANSWER_LINE_ROOM = 200;
