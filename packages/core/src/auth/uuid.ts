const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids reach these operations from GraphQL arguments and Telegram callback data. PostgreSQL
 * rejects a malformed uuid with an error; to the caller such an id simply matches nothing.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
