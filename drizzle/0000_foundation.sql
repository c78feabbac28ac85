CREATE TABLE "platform_audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"actor_kind" text NOT NULL,
	"request_id" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"org_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "platform_idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"state" text NOT NULL,
	"status_code" integer,
	"content_type" text,
	"response_body" text,
	"created_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "platform_mail_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity_login_failures" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"account_hash" text NOT NULL,
	"address" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_memberships" (
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_memberships_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "identity_organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_password_resets" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity_users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text NOT NULL,
	"roles" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sellers_status_history" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"action" text NOT NULL,
	"actor_id" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "sellers_sellers" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"status" text NOT NULL,
	"legal_name_th" text NOT NULL,
	"legal_name_en" text,
	"tax_id_kind" text NOT NULL,
	"tax_id_index" text NOT NULL,
	"tax_id_encrypted" text NOT NULL,
	"tax_id_last4" text NOT NULL,
	"province_code" text NOT NULL,
	"otop_registration" text,
	"payout_kind" text NOT NULL,
	"promptpay_kind" text,
	"payout_bank_code" text,
	"payout_encrypted" text NOT NULL,
	"payout_last4" text NOT NULL,
	"pdpa_notice_version" text NOT NULL,
	"pdpa_consented_at" timestamp with time zone NOT NULL,
	"pdpa_channel" text NOT NULL,
	"rejection_reason_code" text,
	"rejection_note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "platform_audit_entity_idx" ON "platform_audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "platform_idempotency_created_idx" ON "platform_idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_api_keys_hash_key" ON "identity_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "identity_api_keys_user_idx" ON "identity_api_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "identity_login_failures_account_idx" ON "identity_login_failures" USING btree ("account_hash","at");--> statement-breakpoint
CREATE INDEX "identity_login_failures_address_idx" ON "identity_login_failures" USING btree ("address","at");--> statement-breakpoint
CREATE INDEX "identity_memberships_user_idx" ON "identity_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_password_resets_token_key" ON "identity_password_resets" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_sessions_token_key" ON "identity_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_users_email_key" ON "identity_users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "sellers_history_seller_idx" ON "sellers_status_history" USING btree ("seller_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "sellers_tax_id_key" ON "sellers_sellers" USING btree ("tax_id_index");--> statement-breakpoint
CREATE INDEX "sellers_org_idx" ON "sellers_sellers" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "sellers_status_idx" ON "sellers_sellers" USING btree ("status","id");