CREATE TABLE "platform_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"org_id" text,
	"created_by" text NOT NULL,
	"status" text NOT NULL,
	"input" jsonb NOT NULL,
	"progress_done" integer NOT NULL,
	"progress_total" integer NOT NULL,
	"errors" jsonb NOT NULL,
	"error_count" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"failure_code" text,
	"attempts" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "platform_jobs_org_idx" ON "platform_jobs" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "platform_jobs_status_idx" ON "platform_jobs" USING btree ("status","heartbeat_at");