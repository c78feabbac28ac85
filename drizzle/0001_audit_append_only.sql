-- The audit log is append-only (architecture.md): corrections are new entries, never edits.
CREATE OR REPLACE FUNCTION platform_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'platform_audit_log is append-only: % refused', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER platform_audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON platform_audit_log
  FOR EACH ROW EXECUTE FUNCTION platform_audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER platform_audit_log_no_truncate
  BEFORE TRUNCATE ON platform_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_log_append_only();
