-- CreateTable
CREATE TABLE "wb_request_pace" (
    "seller_id" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3)[] DEFAULT ARRAY[]::TIMESTAMPTZ(3)[],

    CONSTRAINT "wb_request_pace_pkey" PRIMARY KEY ("seller_id")
);
