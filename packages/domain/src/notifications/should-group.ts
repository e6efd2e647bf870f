/** Up to this many events of one type for one user in one sync go out one by one. */
export const GROUP_THRESHOLD = 5;

/** More than five events of one type for one user in one sync become one grouped message. */
export function shouldGroup(count: number): boolean {
  return count > GROUP_THRESHOLD;
}
