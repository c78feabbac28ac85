CREATE TABLE "ledger_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"type" text NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_balances" (
	"account_id" text NOT NULL,
	"shard" integer NOT NULL,
	"debits_posted" bigint NOT NULL,
	"credits_posted" bigint NOT NULL,
	"debits_pending" bigint NOT NULL,
	"credits_pending" bigint NOT NULL,
	CONSTRAINT "ledger_balances_account_id_shard_pk" PRIMARY KEY("account_id","shard")
);
--> statement-breakpoint
CREATE TABLE "ledger_transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"debit_account_id" text NOT NULL,
	"credit_account_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"kind" text NOT NULL,
	"pending_id" text,
	"pending_open_minor" bigint,
	"code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_transfers_amount_positive" CHECK ("ledger_transfers"."amount_minor" > 0),
	CONSTRAINT "ledger_transfers_two_accounts" CHECK ("ledger_transfers"."debit_account_id" <> "ledger_transfers"."credit_account_id"),
	CONSTRAINT "ledger_transfers_open_within" CHECK ("ledger_transfers"."pending_open_minor" is null or ("ledger_transfers"."pending_open_minor" >= 0 and "ledger_transfers"."pending_open_minor" <= "ledger_transfers"."amount_minor"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_owner_type_currency_key" ON "ledger_accounts" USING btree ("owner","type","currency");--> statement-breakpoint
CREATE INDEX "ledger_transfers_debit_idx" ON "ledger_transfers" USING btree ("debit_account_id");--> statement-breakpoint
CREATE INDEX "ledger_transfers_credit_idx" ON "ledger_transfers" USING btree ("credit_account_id");--> statement-breakpoint
CREATE INDEX "ledger_transfers_pending_idx" ON "ledger_transfers" USING btree ("pending_id");