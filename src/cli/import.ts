import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * `saphan import FILE --seller ID`: uploads a product file to a running server through the public API
 * with an API key (so it works while the server owns DATA_DIR), then follows the job, drawing a
 * progress bar on stderr and printing each row error. Exit 0 when every row imported, 1 when some
 * rows were refused, 4 when the server refused the file or the job failed.
 */

export interface ImportOptions {
  readonly file: string;
  readonly seller_id: string;
  readonly base_url: string;
  readonly api_key: string;
  readonly locale: string;
  readonly poll_ms?: number;
  readonly out?: NodeJS.WritableStream;
  readonly err?: NodeJS.WritableStream;
}

interface JobAnswer {
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: { done: number; total: number };
  errors: { row: number; path: string; message: string }[];
  error_count: number;
  summary: Record<string, number>;
  failure: { message: string } | null;
}

export async function importFile(options: ImportOptions): Promise<number> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const bytes = await readFile(options.file);
  const headers = { authorization: `Bearer ${options.api_key}`, 'accept-language': options.locale };
  const form = new FormData();
  form.append('seller_id', options.seller_id);
  form.append('file', new Blob([bytes]), path.basename(options.file));
  const api = `${options.base_url.replace(/\/$/, '')}/api/v1`;
  const upload = await fetch(`${api}/products/import`, { method: 'POST', headers, body: form });
  const answer = (await upload.json()) as { job_id?: string; rows?: number; title?: string; errors?: { path: string; message: string }[] };
  if (upload.status !== 202 || !answer.job_id) {
    err.write(`saphan import: ${answer.title ?? upload.statusText}\n`);
    for (const e of answer.errors ?? []) err.write(`  ${e.path}: ${e.message}\n`);
    return 4;
  }
  err.write(`job ${answer.job_id}: ${answer.rows} rows\n`);
  const tty = 'isTTY' in err && (err as NodeJS.WriteStream).isTTY;
  let job: JobAnswer;
  let last = '';
  for (;;) {
    const res = await fetch(`${api}/jobs/${answer.job_id}`, { headers });
    job = (await res.json()) as JobAnswer;
    const line = bar(job.progress.done, job.progress.total);
    if (line !== last) {
      err.write(tty ? `\r${line}` : `${line}\n`);
      last = line;
    }
    if (job.status === 'succeeded' || job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, options.poll_ms ?? 500));
  }
  if (tty) err.write('\n');
  if (job.status === 'failed') {
    err.write(`saphan import: ${job.failure?.message ?? 'failed'}\n`);
    return 4;
  }
  const s = job.summary;
  out.write(`created ${s.created ?? 0}, updated ${s.updated ?? 0}, unchanged ${s.unchanged ?? 0}, rows refused ${s.failed_rows ?? 0}\n`);
  for (const e of job.errors) out.write(`row ${e.row} ${e.path}: ${e.message}\n`);
  if (job.error_count > job.errors.length) out.write(`… and ${job.error_count - job.errors.length} more\n`);
  return job.error_count > 0 ? 1 : 0;
}

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${percent}%`;
}
