CREATE TABLE "inventory_reservations" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"warehouse_code" text NOT NULL,
	"seller_id" text NOT NULL,
	"quantity" bigint NOT NULL,
	"status" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_reservations_quantity_positive" CHECK ("inventory_reservations"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders_cart_items" (
	"cart_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_cart_items_cart_id_variant_id_pk" PRIMARY KEY("cart_id","variant_id"),
	CONSTRAINT "orders_cart_items_quantity_positive" CHECK ("orders_cart_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders_carts" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"market" text NOT NULL,
	"checked_out_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders_events" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"detail" jsonb NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"checkout_id" text NOT NULL,
	"quote_id" text NOT NULL,
	"user_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"market" text NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"lines" jsonb NOT NULL,
	"goods_minor" bigint NOT NULL,
	"shipping_minor" bigint NOT NULL,
	"insurance_minor" bigint NOT NULL,
	"duty_minor" bigint NOT NULL,
	"vat_minor" bigint NOT NULL,
	"consumption_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"dutiable_minor" bigint NOT NULL,
	"refunded_minor" bigint NOT NULL,
	"cbec_regime" text,
	"lane" text NOT NULL,
	"fx" jsonb,
	"buyer_identity_id" text,
	"identity_index" text,
	"ship_to_encrypted" text NOT NULL,
	"ship_to_masked" jsonb NOT NULL,
	"payment_id" text NOT NULL,
	"reserved_until" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_orders_refund_within_total" CHECK ("orders_orders"."refunded_minor" >= 0 and "orders_orders"."refunded_minor" <= "orders_orders"."total_minor")
);
--> statement-breakpoint
CREATE TABLE "payments_allocations" (
	"payment_id" text NOT NULL,
	"order_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "payments_allocations_payment_id_order_id_pk" PRIMARY KEY("payment_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "payments_notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"payment_id" text,
	"outcome" text NOT NULL,
	"body_sha256" text NOT NULL,
	"detail" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"reference" text NOT NULL,
	"payer_identity_index" text,
	"instructions" jsonb NOT NULL,
	"provider_ref" text,
	"refunded_minor" bigint NOT NULL,
	"failure_code" text,
	"expires_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_payments_amount_positive" CHECK ("payments_payments"."amount_minor" > 0),
	CONSTRAINT "payments_payments_refund_within" CHECK ("payments_payments"."refunded_minor" >= 0 and "payments_payments"."refunded_minor" <= "payments_payments"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "payments_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"order_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_refunds_amount_positive" CHECK ("payments_refunds"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "pricing_quotes" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"market" text NOT NULL,
	"currency" text NOT NULL,
	"items_key" text NOT NULL,
	"buyer_identity_id" text,
	"answer" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inventory_reservations_order_idx" ON "inventory_reservations" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "inventory_reservations_expiry_idx" ON "inventory_reservations" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "orders_carts_user_idx" ON "orders_carts" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "orders_events_order_idx" ON "orders_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_orders_quote_seller_key" ON "orders_orders" USING btree ("quote_id","seller_id");--> statement-breakpoint
CREATE INDEX "orders_orders_user_idx" ON "orders_orders" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "orders_orders_seller_idx" ON "orders_orders" USING btree ("seller_id","id");--> statement-breakpoint
CREATE INDEX "orders_orders_payment_idx" ON "orders_orders" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "orders_orders_identity_idx" ON "orders_orders" USING btree ("identity_index","paid_at");--> statement-breakpoint
CREATE INDEX "orders_orders_pending_idx" ON "orders_orders" USING btree ("status","reserved_until");--> statement-breakpoint
CREATE INDEX "payments_allocations_order_idx" ON "payments_allocations" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_notifications_event_key" ON "payments_notifications" USING btree ("provider","event_id");--> statement-breakpoint
CREATE INDEX "payments_notifications_payment_idx" ON "payments_notifications" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_payments_reference_key" ON "payments_payments" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "payments_payments_user_idx" ON "payments_payments" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "payments_payments_open_idx" ON "payments_payments" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "payments_refunds_payment_idx" ON "payments_refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "pricing_quotes_user_idx" ON "pricing_quotes" USING btree ("user_id","id");