-- CreateIndex
CREATE INDEX "outbox_events_cabinet_id_type_occurred_at_idx" ON "outbox_events"("cabinet_id", "type", "occurred_at");
