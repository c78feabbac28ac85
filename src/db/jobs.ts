import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { newId } from '../kernel/ids.js';
import type { Db, Tx } from './client.js';
import { type JobRowError, jobs } from './schema.js';

/**
 * The job table's operations. A job is claimed by one process at a time: claiming sets `running` and
 * a heartbeat; a running job whose heartbeat is older than the lease is taken over (its process died),
 * so every job handler must be safe to run again from the start.
 */

export type JobRow = typeof jobs.$inferSelect;
export type { JobRowError };

/** Row errors kept per job; the count goes on beyond it. */
export const JOB_ERRORS_KEPT = 1_000;
export const JOB_LEASE_MS = 60_000;
export const JOB_MAX_ATTEMPTS = 3;

export async function createJob(
  q: Db | Tx,
  now: Date,
  input: { kind: string; org_id: string | null; created_by: string; input: Record<string, unknown>; total?: number },
): Promise<JobRow> {
  const row: JobRow = {
    id: newId('job', now.getTime()),
    kind: input.kind,
    org_id: input.org_id,
    created_by: input.created_by,
    status: 'queued',
    input: input.input,
    progress_done: 0,
    progress_total: input.total ?? 0,
    errors: [],
    error_count: 0,
    summary: {},
    failure_code: null,
    attempts: 0,
    created_at: now,
    started_at: null,
    heartbeat_at: null,
    finished_at: null,
  };
  await q.insert(jobs).values(row);
  return row;
}

/** Takes a queued job, or a running one whose process stopped beating; undefined when another has it. */
export async function claimJob(db: Db, now: Date, id: string): Promise<JobRow | undefined> {
  const stale = new Date(now.getTime() - JOB_LEASE_MS);
  const [row] = await db
    .update(jobs)
    .set({ status: 'running', started_at: sql`coalesce(${jobs.started_at}, ${now})`, heartbeat_at: now, attempts: sql`${jobs.attempts} + 1` })
    .where(and(eq(jobs.id, id), or(eq(jobs.status, 'queued'), and(eq(jobs.status, 'running'), lt(jobs.heartbeat_at, stale)))))
    .returning();
  return row;
}

/** Jobs waiting for a process: queued ones and those whose process stopped beating. */
export async function claimableJobIds(db: Db, now: Date, kinds: readonly string[]): Promise<string[]> {
  if (kinds.length === 0) return [];
  const stale = new Date(now.getTime() - JOB_LEASE_MS);
  const rows = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.kind, [...kinds]), or(eq(jobs.status, 'queued'), and(eq(jobs.status, 'running'), lt(jobs.heartbeat_at, stale)))))
    .orderBy(jobs.id)
    .limit(100);
  return rows.map((r) => r.id);
}

/** Progress and the errors found so far (replacing the list: a resumed job starts again from its first row). */
export async function reportProgress(
  db: Db | Tx,
  now: Date,
  id: string,
  progress: { done: number; total: number; errors: readonly JobRowError[]; error_count: number; summary: Record<string, number> },
): Promise<void> {
  await db
    .update(jobs)
    .set({
      progress_done: progress.done,
      progress_total: progress.total,
      errors: progress.errors.slice(0, JOB_ERRORS_KEPT),
      error_count: progress.error_count,
      summary: progress.summary,
      heartbeat_at: now,
    })
    .where(eq(jobs.id, id));
}

export async function finishJob(db: Db, now: Date, id: string, outcome: { status: 'succeeded' | 'failed'; failure_code?: string }): Promise<void> {
  await db
    .update(jobs)
    .set({ status: outcome.status, failure_code: outcome.failure_code ?? null, finished_at: now, heartbeat_at: now })
    .where(eq(jobs.id, id));
}

/** A failed attempt: queued again until the attempts run out. */
export async function releaseJob(db: Db, now: Date, job: JobRow, failure_code: string): Promise<'requeued' | 'failed'> {
  if (job.attempts >= JOB_MAX_ATTEMPTS) {
    await finishJob(db, now, job.id, { status: 'failed', failure_code });
    return 'failed';
  }
  await db.update(jobs).set({ status: 'queued', failure_code, heartbeat_at: now }).where(eq(jobs.id, job.id));
  return 'requeued';
}

/** The running process is alive: keeps its lease. */
export async function touchJob(db: Db, now: Date, id: string): Promise<void> {
  await db
    .update(jobs)
    .set({ heartbeat_at: now })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

/** Back to the queue without counting an attempt (the process is stopping, not the job failing). */
export async function requeueJob(db: Db, now: Date, id: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'queued', heartbeat_at: now, attempts: sql`greatest(${jobs.attempts} - 1, 0)` })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

export async function getJob(q: Db | Tx, id: string): Promise<JobRow | undefined> {
  const [row] = await q.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

export async function recentJobs(q: Db | Tx, input: { org_id: string; kind: string; limit: number }): Promise<JobRow[]> {
  return q
    .select()
    .from(jobs)
    .where(and(eq(jobs.org_id, input.org_id), eq(jobs.kind, input.kind)))
    .orderBy(desc(jobs.id))
    .limit(input.limit);
}
