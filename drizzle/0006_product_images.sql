CREATE TABLE "catalogue_images" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"blob_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "image_id" text;--> statement-breakpoint
CREATE INDEX "catalogue_images_product_idx" ON "catalogue_images" USING btree ("product_id","position");