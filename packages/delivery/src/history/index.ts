/**
 * The only writer of notification_history's state: every transition of a row is one function
 * here, shared by the worker (delivery), the bot (its notification endpoint) and core (leaving a
 * cabinet). The sync inserts rows (pending) with its outbox fan-out; nothing else updates them.
 *
 *   (insert) ──► pending ──claimDue──► pending, leased (attempts + 1, next_attempt_at + lease)
 *                 │  ▲                      │
 *                 │  └──── reschedule ◄─────┤  retry-after or backoff; last_error
 *                 │                         │
 *                 │   bot, per send:  markSending (sending_since) ─► releaseSending (Telegram took
 *                 │                   nothing) │ markInDoubt (a mark found by a retry that cannot
 *                 │                   know how that send ended)
 *                 │
 *                 ├── hold ─────────────► held        (quiet hours, digest mode; until the window ends)
 *                 │                         ├── releaseHeld ──► pending (the window ended; sent as one digest)
 *                 │                         └── releaseHeldOf ► pending (the user stopped holding)
 *                 ├── markSent ─────────► sent        (bot on Telegram's ok; worker on "sent")
 *                 ├── markFailed ───────► failed      (user blocked the bot; bot unreachable)
 *                 ├── suppress ─────────► suppressed  (settings, inactive or deleted user)
 *                 └── suppressForMember ► suppressed  (the user left the cabinet; held rows too)
 *
 * Every transition applies to pending rows only (releaseHeld, releaseHeldOf and
 * suppressForMember to held ones), so a settled row stays settled whatever arrives late, with one exception: markSent
 * applies to any row not yet sent, because once Telegram took the message the row must say so.
 */
export { claimDue, type ClaimedNotification } from './claim-due.ts';
export type { Db } from './db.ts';
export { hold } from './hold.ts';
export { markFailed } from './mark-failed.ts';
export { markInDoubt } from './mark-in-doubt.ts';
export { markSending } from './mark-sending.ts';
export { markSent } from './mark-sent.ts';
export { readSendState } from './read-send-state.ts';
export { releaseHeld } from './release-held.ts';
export { releaseHeldOf } from './release-held-of.ts';
export { releaseSending } from './release-sending.ts';
export { reschedule } from './reschedule.ts';
export { suppress, suppressForMember } from './suppress.ts';
