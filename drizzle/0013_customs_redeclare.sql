DROP INDEX "customs_declarations_order_key";--> statement-breakpoint
DROP INDEX "customs_declarations_order_no_key";--> statement-breakpoint
ALTER TABLE "customs_declarations" ADD COLUMN "supersedes" text;--> statement-breakpoint
CREATE UNIQUE INDEX "customs_declarations_order_key" ON "customs_declarations" USING btree ("order_id") WHERE status <> 'superseded';--> statement-breakpoint
CREATE UNIQUE INDEX "customs_declarations_order_no_key" ON "customs_declarations" USING btree ("order_no") WHERE status <> 'superseded';