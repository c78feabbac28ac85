CREATE TABLE "pricing_fx_rates" (
	"currency" text NOT NULL,
	"rate_date" date NOT NULL,
	"thb_per_unit" text NOT NULL,
	"source" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pricing_fx_rates_currency_rate_date_pk" PRIMARY KEY("currency","rate_date")
);
--> statement-breakpoint
CREATE INDEX "pricing_fx_rates_latest_idx" ON "pricing_fx_rates" USING btree ("currency","rate_date");