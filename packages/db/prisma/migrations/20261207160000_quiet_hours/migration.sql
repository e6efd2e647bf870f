-- Quiet hours (issue #22, item 3): per user a window in their zone, silent or held for a
-- digest, and whether critical stock breaks through. A held notification is a state of its own
-- in notification_history, released by the delivery loop when the window ends, so a restart
-- loses nothing and sends nothing twice. The enum value is added, not used, here: PostgreSQL
-- allows that inside a transaction.

-- CreateEnum
CREATE TYPE "quiet_hours_mode" AS ENUM ('off', 'silent', 'digest');

-- AlterEnum
ALTER TYPE "notification_status" ADD VALUE 'held';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "quiet_hours_critical_stock" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "quiet_hours_end" SMALLINT NOT NULL DEFAULT 480,
ADD COLUMN     "quiet_hours_mode" "quiet_hours_mode" NOT NULL DEFAULT 'off',
ADD COLUMN     "quiet_hours_start" SMALLINT NOT NULL DEFAULT 1380;

-- AlterTable
ALTER TABLE "notification_history" ADD COLUMN     "held_at" TIMESTAMPTZ(3);
