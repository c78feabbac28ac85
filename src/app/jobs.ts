import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import * as jobs from '../db/jobs.js';
import type { Clock } from '../kernel/clock.js';

export type JobHandler = (job: jobs.JobRow, signal: AbortSignal) => Promise<void>;

/**
 * Runs background jobs in this process, one at a time (two cores: an import must not starve the
 * requests). Jobs are rows in `platform_jobs`: `kick` runs one as soon as this process is free;
 * `resume` picks up what a previous process left queued or stopped beating on. While a job runs its
 * heartbeat is renewed, so that another process does not take it over.
 */
export class JobRunner {
  private readonly queue: string[] = [];
  private current: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private stopped = false;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    private readonly log: FastifyBaseLogger,
    private readonly heartbeat_ms = 15_000,
  ) {}

  kick(id: string): void {
    if (this.stopped || this.queue.includes(id)) return;
    this.queue.push(id);
    this.current ??= this.drain().finally(() => {
      this.current = undefined;
    });
  }

  /** Queued jobs and jobs whose process died. */
  async resume(): Promise<void> {
    for (const id of await jobs.claimableJobIds(this.database.db, this.clock.now(), Object.keys(this.handlers))) this.kick(id);
  }

  /** Resolves when nothing is running (tests wait on it). */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  /** Stops between batches; the running job goes back to the queue for the next process. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    this.abort.abort();
    await this.current?.catch(() => {});
  }

  private async drain(): Promise<void> {
    for (let id = this.queue.shift(); id !== undefined && !this.stopped; id = this.queue.shift()) {
      const job = await jobs.claimJob(this.database.db, this.clock.now(), id);
      if (!job) continue;
      const handler = this.handlers[job.kind];
      if (!handler) continue;
      const beat = setInterval(() => {
        void jobs.touchJob(this.database.db, this.clock.now(), job.id).catch(() => {});
      }, this.heartbeat_ms);
      beat.unref();
      try {
        await handler(job, this.abort.signal);
        this.log.info({ job_id: job.id, kind: job.kind }, 'job finished');
      } catch (error) {
        if (this.abort.signal.aborted) {
          await jobs.requeueJob(this.database.db, this.clock.now(), job.id).catch(() => {});
          this.log.info({ job_id: job.id }, 'job interrupted; queued again');
        } else {
          this.log.error({ err: error, job_id: job.id }, 'job failed');
          const outcome = await jobs.releaseJob(this.database.db, this.clock.now(), job, 'import_failed').catch(() => 'failed' as const);
          if (outcome === 'requeued') this.queue.push(job.id);
        }
      } finally {
        clearInterval(beat);
      }
    }
  }
}
