ALTER TABLE "fulfilment_parcels" ADD COLUMN "return_condition" text;--> statement-breakpoint
ALTER TABLE "fulfilment_parcels" ADD COLUMN "return_received_at" timestamp with time zone;