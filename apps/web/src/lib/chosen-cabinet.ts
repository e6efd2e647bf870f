/** Which cabinet the shell shows: kept in a cookie so the server renders the same one first. */
const COOKIE = 'wb_cabinet';

export function readChosenCabinet(): string | null {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${COOKIE}=`));
  return match ? decodeURIComponent(match.slice(COOKIE.length + 1)) : null;
}

export function storeChosenCabinet(id: string | null): void {
  document.cookie = id
    ? `${COOKIE}=${encodeURIComponent(id)}; Path=/; Max-Age=31536000; SameSite=Lax`
    : `${COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
}
