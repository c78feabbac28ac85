CREATE TABLE "catalogue_products" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"org_id" text NOT NULL,
	"category_code" text NOT NULL,
	"hs_code" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"attributes" jsonb NOT NULL,
	"translations" jsonb NOT NULL,
	"certification_ids" text[] NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_variants" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"sku" text NOT NULL,
	"price_minor" bigint NOT NULL,
	"export_price_minor" bigint,
	"currency" text NOT NULL,
	"weight_g" integer NOT NULL,
	"net_content_amount" integer,
	"net_content_unit" text,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compliance_certifications" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"org_id" text NOT NULL,
	"type" text NOT NULL,
	"number" text NOT NULL,
	"standard_number" text,
	"issuer" text,
	"issued_on" date,
	"expires_on" date,
	"stars" integer,
	"year_awarded" integer,
	"document_key" text,
	"status" text NOT NULL,
	"rejection_reason" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compliance_eligibility" (
	"product_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"market" text NOT NULL,
	"eligible" boolean NOT NULL,
	"reasons" jsonb NOT NULL,
	"details" jsonb NOT NULL,
	"rules_version" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	CONSTRAINT "compliance_eligibility_product_id_market_pk" PRIMARY KEY("product_id","market")
);
--> statement-breakpoint
CREATE TABLE "inventory_movements" (
	"id" text PRIMARY KEY NOT NULL,
	"variant_id" text NOT NULL,
	"warehouse_code" text NOT NULL,
	"seller_id" text NOT NULL,
	"kind" text NOT NULL,
	"on_hand_delta" bigint NOT NULL,
	"reserved_delta" bigint NOT NULL,
	"reason" text NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_stock" (
	"variant_id" text NOT NULL,
	"warehouse_code" text NOT NULL,
	"seller_id" text NOT NULL,
	"on_hand" bigint NOT NULL,
	"reserved" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_stock_variant_id_warehouse_code_pk" PRIMARY KEY("variant_id","warehouse_code"),
	CONSTRAINT "inventory_stock_on_hand_non_negative" CHECK ("inventory_stock"."on_hand" >= 0),
	CONSTRAINT "inventory_stock_reserved_within_on_hand" CHECK ("inventory_stock"."reserved" >= 0 and "inventory_stock"."reserved" <= "inventory_stock"."on_hand")
);
--> statement-breakpoint
CREATE INDEX "catalogue_products_seller_idx" ON "catalogue_products" USING btree ("seller_id","id");--> statement-breakpoint
CREATE INDEX "catalogue_products_category_idx" ON "catalogue_products" USING btree ("category_code");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_variants_seller_sku_key" ON "catalogue_variants" USING btree ("seller_id","sku");--> statement-breakpoint
CREATE INDEX "catalogue_variants_product_idx" ON "catalogue_variants" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "compliance_certifications_seller_idx" ON "compliance_certifications" USING btree ("seller_id","id");--> statement-breakpoint
CREATE INDEX "compliance_certifications_status_idx" ON "compliance_certifications" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "compliance_eligibility_market_idx" ON "compliance_eligibility" USING btree ("market","eligible");--> statement-breakpoint
CREATE INDEX "inventory_movements_variant_idx" ON "inventory_movements" USING btree ("variant_id","at");--> statement-breakpoint
CREATE INDEX "inventory_stock_seller_idx" ON "inventory_stock" USING btree ("seller_id");