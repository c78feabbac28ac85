import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import {
  ApiError,
  api,
  IMPORT_COUNTS,
  type ImportStarted,
  importCount,
  importTemplateHref,
  type Job,
  type JobRowError,
  type JobStatus,
  jobFinished,
  type Seller,
  type TemplateQuery,
} from '../../api.js';
import { ErrorBox, Field, Loading, Notice, useErrorMessage } from '../../components/ui.js';
import { formatDateTime, isLanguage, type Language } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { SellerScope } from './shared.js';

/** Under 'products': row errors come in the UI language, and a language switch fetches 'products' queries again. */
const jobKey = (id: string) => ['products', 'import-job', id] as const;
const sellerImportsKey = (sellerId: string) => ['products', 'imports', sellerId] as const;

/** How often a running job is asked for its progress. */
const POLL_MS = 700;
/** The server's limit (LIMITS.import_file_bytes), checked here too so that a phone does not send 50 MB only to be refused. */
const MAX_FILE_MB = 20;
const REQUIRED_COLUMNS = ['sku', 'category_code', 'hs_code', 'title_th', 'price_thb', 'weight_g'] as const;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Row errors shown at first (a job keeps up to 1,000); more on request. */
const ERRORS_PAGE = 50;

const TEMPLATES = [
  { id: 'xlsx', query: { format: 'xlsx', encoding: 'utf-8' }, name: 'import.template_xlsx', note: 'import.template_xlsx_note' },
  { id: 'csv', query: { format: 'csv', encoding: 'utf-8' }, name: 'import.template_csv', note: 'import.template_csv_note' },
  { id: 'csv-874', query: { format: 'csv', encoding: 'windows-874' }, name: 'import.template_csv_874', note: 'import.template_csv_874_note' },
] as const satisfies readonly { id: string; query: Required<Omit<TemplateQuery, 'lang'>>; name: string; note: string }[];

const STATUS_BADGE: Record<JobStatus, string> = { queued: 'badge-draft', running: 'badge-submitted', succeeded: 'badge-verified', failed: 'badge-rejected' };

function JobStatusBadge({ status, testId = 'import-status' }: { status: JobStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATUS_BADGE[status]}`} data-testid={testId} data-status={status}>
      {t(`import.status.${status}`)}
    </span>
  );
}

/** What the format needs, briefly, and the three templates (Thai Excel saves CSV in Windows-874). */
function FormatHelp() {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="import-format">
      <h2>{t('import.format_title')}</h2>
      <ul className="import-rules">
        <li>{t('import.format_rows')}</li>
        <li>
          {t('import.format_required')}{' '}
          {REQUIRED_COLUMNS.map((name, i) => (
            <span key={name}>
              {i > 0 ? ', ' : null}
              <code>{name}</code>
            </span>
          ))}
        </li>
        <li>{t('import.format_group')}</li>
        <li>{t('import.format_update')}</li>
      </ul>
      <h3>{t('import.templates')}</h3>
      <ul className="downloads">
        {TEMPLATES.map(({ id, query, name, note }) => (
          <li key={id}>
            <a href={importTemplateHref(query)} download className="download" data-testid={`import-template-${id}`}>
              <span className="download-name">{t(name)}</span>
              <span className="download-note">{t(note)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A refused upload: the problem's title and, below it, each file error the server named (all in the UI language). */
function UploadError({ error }: { error: unknown }) {
  const message = useErrorMessage();
  if (!(error instanceof ApiError)) return <ErrorBox error={error} testId="import-file-error" />;
  const title = message(error);
  const details = [...new Set(error.problem.errors.map((e) => e.message))].filter((m) => m && m !== title);
  return (
    <div className="alert alert-error" role="alert" data-testid="import-file-error" data-code={error.problem.errors[0]?.code ?? error.code}>
      <p className="alert-title">{title}</p>
      {details.length > 0 ? (
        <ul className="alert-list">
          {details.map((m) => (
            <li key={m} data-testid="import-file-error-detail">
              {m}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function UploadForm({ seller, onStarted }: { seller: Seller; onStarted: (jobId: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<{ name: string; started: ImportStarted } | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) =>
      api.importProducts(seller.id, chosen, idempotency.keyFor({ seller_id: seller.id, name: chosen.name, size: chosen.size, modified: chosen.lastModified })),
    onSettled: (_data, error) => idempotency.settle(error ?? undefined),
    onSuccess: async (started, chosen) => {
      setAccepted({ name: chosen.name, started });
      setFile(null);
      if (input.current) input.current.value = '';
      onStarted(started.job_id);
      await client.invalidateQueries({ queryKey: sellerImportsKey(seller.id) });
    },
  });

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setProblem(null);
    setAccepted(null);
    if (upload.isError) upload.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setProblem(t('import.file_choose_first'));
    if (file.size > MAX_FILE_MB * 1_048_576) return setProblem(t('import.file_too_large', { max: MAX_FILE_MB }));
    upload.mutate(file);
  };

  return (
    <form onSubmit={submit} noValidate className="card" data-testid="import-form">
      <h2>{t('import.upload_title')}</h2>
      <Field label={t('import.file')} htmlFor="import-file" hint={t('import.file_hint', { max: MAX_FILE_MB })}>
        {/* The browser's own picker speaks the browser's language: this one speaks the page's. */}
        <label className={`file-picker${file ? ' chosen' : ''}`}>
          <input
            id="import-file"
            ref={input}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            aria-invalid={problem || upload.isError ? true : undefined}
            data-testid="import-file"
          />
          <span className="file-picker-button">{t(file ? 'import.file_change' : 'import.file_choose')}</span>
          <span className="file-picker-name" data-testid="import-file-name">
            {file ? file.name : t('import.file_none')}
          </span>
        </label>
      </Field>
      {problem ? (
        <p className="alert alert-error" role="alert" data-testid="import-file-error">
          {problem}
        </p>
      ) : null}
      {upload.isError ? <UploadError error={upload.error} /> : null}
      {accepted ? (
        <Notice kind="success" testId="import-accepted">
          {t('import.accepted', { name: accepted.name, count: accepted.started.rows })}
        </Notice>
      ) : null}
      <button type="submit" className="primary block" disabled={upload.isPending} data-testid="import-upload">
        {upload.isPending ? t('import.uploading') : t('import.upload')}
      </button>
    </form>
  );
}

function RowErrors({ job }: { job: Job }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(ERRORS_PAGE);
  const errors: JobRowError[] = job.errors.slice(0, shown);
  if (job.errors.length === 0) return null;
  return (
    <div className="import-errors" data-testid="import-errors">
      <h3 id={`import-errors-${job.id}`}>{t('import.errors_title')}</h3>
      <p className="small muted">{t('import.errors_hint')}</p>
      {/* Its own scroll box: a long message never widens the page on a phone. */}
      <section className="table-scroll" aria-labelledby={`import-errors-${job.id}`}>
        <table className="error-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('import.col_row')}
              </th>
              <th scope="col">{t('import.col_column')}</th>
              <th scope="col">{t('import.col_message')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e) => (
              <tr key={`${e.row}|${e.path}|${e.code}|${e.message}`} data-testid="import-error" data-row={e.row} data-path={e.path} data-code={e.code}>
                <td className="num" data-testid="import-error-row">
                  {e.row}
                </td>
                <td className="mono column-name" data-testid="import-error-column">
                  {e.path || '—'}
                </td>
                <td data-testid="import-error-message">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {job.error_count > errors.length ? (
        <p className="small muted" data-testid="import-errors-shown">
          {t('import.errors_shown', { shown: errors.length, count: job.error_count })}
        </p>
      ) : null}
      {job.errors.length > shown ? (
        <button type="button" className="block" onClick={() => setShown((n) => n + ERRORS_PAGE * 4)} data-testid="import-errors-more">
          {t('import.errors_more')}
        </button>
      ) : null}
    </div>
  );
}

/** One import: live progress while it runs (GET /jobs/{id} every 700 ms), then the counts and the rows it could not take. */
function JobPanel({ jobId, sellerId }: { jobId: string; sellerId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const refreshed = useRef(false);
  const job = useQuery({
    queryKey: jobKey(jobId),
    queryFn: () => api.job(jobId),
    refetchInterval: (query) => {
      if (query.state.data && jobFinished(query.state.data)) return false;
      const error = query.state.error;
      // A job that is not there (404) will not appear by asking again; a network failure may pass.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
      return POLL_MS;
    },
  });
  const data = job.data;
  const finished = data ? jobFinished(data) : false;

  // The panel is keyed by its job: a new upload or a job picked from the list brings the result into view.
  useEffect(() => heading.current?.focus(), []);

  // Once the job has ended (a small file may be done before the first answer), the products and the recent imports are out of date.
  useEffect(() => {
    if (!finished || refreshed.current) return;
    refreshed.current = true;
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'products' && q.queryKey[1] !== 'import-job' });
  }, [finished, client]);

  return (
    <section className="card" data-testid="import-job" data-job-id={jobId} data-status={data?.status}>
      <div className="card-head">
        <h2 ref={heading} tabIndex={-1}>
          {t('import.job_title')}
        </h2>
        {data ? <JobStatusBadge status={data.status} /> : null}
      </div>
      {job.isPending ? <Loading /> : null}
      {job.isError && !data ? <ErrorBox error={job.error} /> : null}
      {data ? (
        <>
          {data.file_name ? <p className="file-name">{data.file_name}</p> : null}
          <div className="import-progress">
            <progress
              value={data.status === 'queued' ? undefined : data.progress.done}
              max={Math.max(data.progress.total, 1)}
              aria-label={t('import.progress_label')}
              data-testid="import-progress"
              data-done={data.progress.done}
              data-total={data.progress.total}
            />
            <p className="small muted progress-text" aria-live="polite" data-testid="import-progress-text">
              {t('import.progress', { done: data.progress.done, total: data.progress.total })}
            </p>
          </div>
          {data.failure ? (
            <Notice kind="error" testId="import-failure">
              {data.failure.message}
            </Notice>
          ) : null}
          {finished ? (
            <>
              <dl className="import-summary" data-testid="import-summary">
                {IMPORT_COUNTS.map((count) => (
                  <div key={count} className={`import-count import-count-${count}`} data-testid={`import-count-${count}`} data-value={importCount(data, count)}>
                    <dt>{t(`import.count.${count}`)}</dt>
                    <dd>{importCount(data, count)}</dd>
                  </div>
                ))}
              </dl>
              {data.status === 'succeeded' && data.error_count === 0 ? (
                <Notice kind="success" testId="import-all-ok">
                  {t('import.all_rows_ok')}
                </Notice>
              ) : null}
              <RowErrors key={data.id} job={data} />
              <Link href={`/seller/products?seller=${encodeURIComponent(sellerId)}`} className="button block" data-testid="import-view-products">
                {t('import.view_products')}
              </Link>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function RecentImport({ job, language, onShow }: { job: Job; language: Language; onShow: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="row" data-testid="import-recent-item" data-job-id={job.id} data-status={job.status}>
      <div className="row-main">
        <span className="row-head">
          <strong className="row-title">{job.file_name ?? t('import.unnamed')}</strong>
          <JobStatusBadge status={job.status} testId="import-recent-status" />
        </span>
        <span className="small muted">
          <time dateTime={job.created_at} data-testid="import-recent-date">
            {formatDateTime(job.created_at, language)}
          </time>
          {jobFinished(job) ? null : ` · ${t('import.progress', { done: job.progress.done, total: job.progress.total })}`}
        </span>
        <span className="small counts" data-testid="import-recent-counts">
          {IMPORT_COUNTS.map((count) => (
            <span key={count} data-count={count}>
              {t(`import.count.${count}`)} <strong>{importCount(job, count)}</strong>
            </span>
          ))}
        </span>
      </div>
      <button type="button" className="button-small row-action" onClick={onShow} data-testid="import-recent-show">
        {t('import.show')}
      </button>
    </li>
  );
}

function RecentImports({ seller, onShow }: { seller: Seller; onShow: (jobId: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'th';
  const imports = useQuery({ queryKey: sellerImportsKey(seller.id), queryFn: () => api.sellerImports(seller.id) });
  const items = imports.data?.items ?? [];
  return (
    <section className="card" data-testid="import-recent">
      <h2>{t('import.recent_title')}</h2>
      {imports.isPending ? <Loading /> : null}
      {imports.isError ? <ErrorBox error={imports.error} /> : null}
      {imports.isSuccess && items.length === 0 ? (
        <p className="muted" data-testid="import-recent-empty">
          {t('import.recent_empty')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="rows" data-testid="import-recent-list">
          {items.map((job) => (
            <RecentImport key={job.id} job={job} language={language} onShow={() => onShow(job.id)} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function SellerImport({ seller }: { seller: Seller }) {
  const [jobId, setJobId] = useState<string | null>(null);
  return (
    <>
      <FormatHelp />
      <UploadForm seller={seller} onStarted={setJobId} />
      {jobId ? <JobPanel key={jobId} jobId={jobId} sellerId={seller.id} /> : null}
      <RecentImports seller={seller} onShow={setJobId} />
    </>
  );
}

/** Bulk import: a CSV or XLSX of the seller's products runs as a background job, followed live, with its row errors. */
export function ImportPage() {
  const { t } = useTranslation();
  const search = useSearch();
  return (
    <div data-testid="import-page">
      <div className="page-head">
        <h1>{t('import.title')}</h1>
        <Link href={`/seller/products${search ? `?${search}` : ''}`} className="button" data-testid="products-back">
          {t('catalogue.back')}
        </Link>
      </div>
      <p className="muted">{t('import.intro')}</p>
      <SellerScope path="/seller/products/import">{(seller) => <SellerImport seller={seller} />}</SellerScope>
    </div>
  );
}
