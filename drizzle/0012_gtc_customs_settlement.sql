CREATE TABLE "customs_declarations" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"parcel_id" text NOT NULL,
	"order_no" text NOT NULL,
	"logistics_no" text NOT NULL,
	"trade_mode" text NOT NULL,
	"status" text NOT NULL,
	"check" jsonb NOT NULL,
	"last_status" integer,
	"last_return_at" timestamp with time zone,
	"last_info" text,
	"invt_no" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customs_documents" (
	"declaration_id" text NOT NULL,
	"kind" text NOT NULL,
	"message_type" text NOT NULL,
	"guid" text NOT NULL,
	"sender" text NOT NULL,
	"xml_encrypted" text NOT NULL,
	"receipt_status" integer,
	"receipt_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customs_documents_declaration_id_kind_pk" PRIMARY KEY("declaration_id","kind")
);
--> statement-breakpoint
CREATE TABLE "customs_receipts" (
	"id" text PRIMARY KEY NOT NULL,
	"declaration_id" text,
	"message_type" text NOT NULL,
	"guid" text NOT NULL,
	"order_no" text NOT NULL,
	"return_status" integer NOT NULL,
	"return_time" timestamp with time zone NOT NULL,
	"return_info" text NOT NULL,
	"outcome" text NOT NULL,
	"body_sha256" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilment_bins" (
	"warehouse_code" text NOT NULL,
	"variant_id" text NOT NULL,
	"bin_code" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fulfilment_bins_warehouse_code_variant_id_pk" PRIMARY KEY("warehouse_code","variant_id")
);
--> statement-breakpoint
CREATE TABLE "fulfilment_consignments" (
	"id" text PRIMARY KEY NOT NULL,
	"warehouse_code" text NOT NULL,
	"lane" text NOT NULL,
	"master_waybill" text NOT NULL,
	"status" text NOT NULL,
	"carrier" text NOT NULL,
	"carrier_ref" text,
	"parcel_count" integer NOT NULL,
	"gross_weight_g" integer NOT NULL,
	"export_declaration" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fulfilment_inbound" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"warehouse_code" text NOT NULL,
	"status" text NOT NULL,
	"reference" text,
	"expected_on" text,
	"discrepancy" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"received_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fulfilment_inbound_lines" (
	"shipment_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"variant_id" text NOT NULL,
	"sku" text NOT NULL,
	"title" jsonb NOT NULL,
	"announced" integer NOT NULL,
	"cartons" integer NOT NULL,
	"scanned_cartons" integer DEFAULT 0 NOT NULL,
	"received" integer,
	"accepted" integer,
	"rejected" integer,
	"reason" text,
	"bin_code" text,
	CONSTRAINT "fulfilment_inbound_lines_shipment_id_line_no_pk" PRIMARY KEY("shipment_id","line_no"),
	CONSTRAINT "fulfilment_inbound_lines_counts" CHECK ("fulfilment_inbound_lines"."announced" > 0 and "fulfilment_inbound_lines"."cartons" between 1 and "fulfilment_inbound_lines"."announced"),
	CONSTRAINT "fulfilment_inbound_lines_received" CHECK ("fulfilment_inbound_lines"."received" is null or ("fulfilment_inbound_lines"."received" >= 0 and "fulfilment_inbound_lines"."received" <= "fulfilment_inbound_lines"."announced" and "fulfilment_inbound_lines"."rejected" between 0 and "fulfilment_inbound_lines"."received" and "fulfilment_inbound_lines"."accepted" = "fulfilment_inbound_lines"."received" - "fulfilment_inbound_lines"."rejected"))
);
--> statement-breakpoint
CREATE TABLE "fulfilment_parcels" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"warehouse_code" text NOT NULL,
	"market" text NOT NULL,
	"lane" text NOT NULL,
	"status" text NOT NULL,
	"wave_id" text NOT NULL,
	"lines" jsonb NOT NULL,
	"expected_weight_g" integer NOT NULL,
	"weight_g" integer,
	"length_mm" integer,
	"width_mm" integer,
	"height_mm" integer,
	"tracking_no" text,
	"consignment_id" text,
	"tracking_status" text,
	"tracking_at" timestamp with time zone,
	"packed_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilment_scans" (
	"station" text NOT NULL,
	"code" text NOT NULL,
	"ref_id" text NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "fulfilment_scans_station_code_pk" PRIMARY KEY("station","code")
);
--> statement-breakpoint
CREATE TABLE "fulfilment_tracking_events" (
	"id" text PRIMARY KEY NOT NULL,
	"parcel_id" text NOT NULL,
	"carrier" text NOT NULL,
	"event_id" text NOT NULL,
	"code" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"location" text,
	"note" text,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilment_waves" (
	"id" text PRIMARY KEY NOT NULL,
	"warehouse_code" text NOT NULL,
	"lane" text,
	"parcel_count" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders_disputes" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"user_id" text NOT NULL,
	"reason" text NOT NULL,
	"note" text NOT NULL,
	"photos" jsonb NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"refund_minor" bigint,
	"decision_note" text,
	"decided_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settlement_commission_rates" (
	"category_code" text PRIMARY KEY NOT NULL,
	"rate_bp" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_payout_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"trigger" text NOT NULL,
	"minimum_minor" bigint NOT NULL,
	"value_date" text NOT NULL,
	"total_items" integer NOT NULL,
	"done_items" integer NOT NULL,
	"sent_minor" bigint NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settlement_payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"status" text NOT NULL,
	"destination" jsonb NOT NULL,
	"failure_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "settlement_payouts_amount_positive" CHECK ("settlement_payouts"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "settlement_releases" (
	"order_id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"currency" text NOT NULL,
	"released_minor" bigint NOT NULL,
	"commission_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"shipping_minor" bigint NOT NULL,
	"seller_minor" bigint NOT NULL,
	"seller_thb_minor" bigint NOT NULL,
	"fx" jsonb,
	"reason" text NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"matured_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "orders_orders" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sellers_sellers" ADD COLUMN "payout_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "sellers_sellers" SET "payout_changed_at" = "created_at";--> statement-breakpoint
CREATE UNIQUE INDEX "customs_declarations_order_key" ON "customs_declarations" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customs_declarations_order_no_key" ON "customs_declarations" USING btree ("order_no");--> statement-breakpoint
CREATE INDEX "customs_declarations_status_idx" ON "customs_declarations" USING btree ("status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customs_documents_guid_key" ON "customs_documents" USING btree ("guid");--> statement-breakpoint
CREATE UNIQUE INDEX "customs_receipts_guid_key" ON "customs_receipts" USING btree ("message_type","guid");--> statement-breakpoint
CREATE INDEX "customs_receipts_declaration_idx" ON "customs_receipts" USING btree ("declaration_id","return_time");--> statement-breakpoint
CREATE UNIQUE INDEX "fulfilment_consignments_waybill_key" ON "fulfilment_consignments" USING btree ("master_waybill");--> statement-breakpoint
CREATE INDEX "fulfilment_consignments_status_idx" ON "fulfilment_consignments" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "fulfilment_inbound_seller_idx" ON "fulfilment_inbound" USING btree ("seller_id","id");--> statement-breakpoint
CREATE INDEX "fulfilment_inbound_status_idx" ON "fulfilment_inbound" USING btree ("warehouse_code","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "fulfilment_inbound_lines_variant_key" ON "fulfilment_inbound_lines" USING btree ("shipment_id","variant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fulfilment_parcels_order_key" ON "fulfilment_parcels" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fulfilment_parcels_tracking_key" ON "fulfilment_parcels" USING btree ("tracking_no");--> statement-breakpoint
CREATE INDEX "fulfilment_parcels_status_idx" ON "fulfilment_parcels" USING btree ("warehouse_code","status","lane");--> statement-breakpoint
CREATE INDEX "fulfilment_parcels_wave_idx" ON "fulfilment_parcels" USING btree ("wave_id");--> statement-breakpoint
CREATE INDEX "fulfilment_parcels_consignment_idx" ON "fulfilment_parcels" USING btree ("consignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fulfilment_tracking_event_key" ON "fulfilment_tracking_events" USING btree ("carrier","event_id");--> statement-breakpoint
CREATE INDEX "fulfilment_tracking_parcel_idx" ON "fulfilment_tracking_events" USING btree ("parcel_id","occurred_at");--> statement-breakpoint
CREATE INDEX "fulfilment_waves_created_idx" ON "fulfilment_waves" USING btree ("warehouse_code","id");--> statement-breakpoint
CREATE INDEX "orders_disputes_order_idx" ON "orders_disputes" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_disputes_one_open_key" ON "orders_disputes" USING btree ("order_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "orders_disputes_status_idx" ON "orders_disputes" USING btree ("status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_payout_runs_one_running_key" ON "settlement_payout_runs" USING btree ("status") WHERE status = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_payouts_run_seller_key" ON "settlement_payouts" USING btree ("run_id","seller_id");--> statement-breakpoint
CREATE INDEX "settlement_payouts_seller_idx" ON "settlement_payouts" USING btree ("seller_id","id");--> statement-breakpoint
CREATE INDEX "settlement_payouts_run_idx" ON "settlement_payouts" USING btree ("run_id","status");--> statement-breakpoint
CREATE INDEX "settlement_releases_seller_idx" ON "settlement_releases" USING btree ("seller_id","released_at");--> statement-breakpoint
CREATE INDEX "settlement_releases_maturing_idx" ON "settlement_releases" USING btree ("matured_at","available_at");--> statement-breakpoint
CREATE INDEX "orders_orders_delivered_idx" ON "orders_orders" USING btree ("status","delivered_at");