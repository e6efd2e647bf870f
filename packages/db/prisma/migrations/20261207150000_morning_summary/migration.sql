-- Morning summary (issue #22, item 2): the notification type with its switch (on by default,
-- like every type), the minute of the day the user wants it at (09:00 in their own zone by
-- default), and when it is next due: the worker's schedule, claimed like next_feed_at.
-- NULL next_summary_at means "not scheduled yet": the worker schedules it without sending,
-- so a new user or a changed time or zone never gets a summary at once.
-- The enum value is added, not used, here: PostgreSQL allows that inside a transaction.

-- AlterEnum
ALTER TYPE "notification_type" ADD VALUE 'morning_summary';

-- AlterTable
ALTER TABLE "notification_settings" ADD COLUMN     "morning_summary_enabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "morning_summary_minute" INTEGER NOT NULL DEFAULT 540,
ADD COLUMN     "next_summary_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "users_next_summary_at_idx" ON "users"("next_summary_at");
