-- AlterTable
ALTER TABLE "notification_history" ADD COLUMN     "in_doubt" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sending_since" TIMESTAMPTZ(3);
