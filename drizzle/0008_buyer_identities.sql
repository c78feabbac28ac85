CREATE TABLE "identity_buyer_identities" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"id_type" text NOT NULL,
	"full_name_encrypted" text NOT NULL,
	"id_number_encrypted" text NOT NULL,
	"id_number_index" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"phone_encrypted" text NOT NULL,
	"phone_masked" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "identity_buyer_identities_user_idx" ON "identity_buyer_identities" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "identity_buyer_identities_number_idx" ON "identity_buyer_identities" USING btree ("id_number_index");