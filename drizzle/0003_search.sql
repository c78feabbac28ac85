CREATE TABLE "search_documents" (
	"product_id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"seller_name" text NOT NULL,
	"province_code" text NOT NULL,
	"category_code" text NOT NULL,
	"parent_category" text NOT NULL,
	"otop_stars" integer,
	"certifications" text[] NOT NULL,
	"price_min_thb_minor" bigint NOT NULL,
	"in_stock" boolean NOT NULL,
	"markets" text[] NOT NULL,
	"reviewed" text[] NOT NULL,
	"title" jsonb NOT NULL,
	"terms" text[] NOT NULL,
	"title_terms" text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_fuzzy_keys" (
	"key" text NOT NULL,
	"term" text NOT NULL,
	CONSTRAINT "search_fuzzy_keys_key_term_pk" PRIMARY KEY("key","term")
);
--> statement-breakpoint
CREATE INDEX "search_documents_terms_idx" ON "search_documents" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "search_documents_markets_idx" ON "search_documents" USING gin ("markets");--> statement-breakpoint
CREATE INDEX "search_documents_category_idx" ON "search_documents" USING btree ("category_code");