import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorBox, Field, Loading, Notice } from '../../components/ui.js';
import { formatDateTime, pick } from '../../i18n/index.js';
import '../orders/spine.css';
import { useSandboxOn } from '../sandbox/MailPage.js';
import { useLanguage } from '../shop/queries.js';
import {
  customsApi,
  DECLARATION_STATUSES,
  DECLARATIONS_KEY,
  type Declaration,
  type DeclarationStatus,
  DOCUMENT_KINDS,
  DOCUMENT_TYPES,
  type DocumentKind,
  REDECLARABLE,
  SCENARIOS,
} from './api.js';

/** Red when the parcel is stopped, green when it is through, amber while customs looks at it, grey otherwise. */
const STATUS_CLASS: Record<DeclarationStatus, string> = {
  check_failed: 'badge-rejected',
  rejected: 'badge-rejected',
  detained: 'badge-rejected',
  error: 'badge-rejected',
  released: 'badge-verified',
  closed: 'badge-verified',
  manual_review: 'badge-submitted',
  inspection: 'badge-submitted',
  submitted: 'badge-draft',
  returned: 'badge-draft',
  superseded: 'badge-draft',
};

export function DeclarationStatusBadge({ status, testId = 'decl-status' }: { status: DeclarationStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATUS_CLASS[status]}`} data-testid={testId} data-status={status}>
      {t(`spine.customs.status.${status}`)}
    </span>
  );
}

/** One message as filed, fetched when opened (reading it is recorded: it names the buyer). */
function DocumentXml({ declarationId, kind }: { declarationId: string; kind: DocumentKind }) {
  const xml = useQuery({
    queryKey: [...DECLARATIONS_KEY, declarationId, 'xml', kind],
    queryFn: () => customsApi.document(declarationId, kind),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (xml.isPending) return <Loading />;
  if (xml.isError) return <ErrorBox error={xml.error} testId="decl-doc-xml-error" />;
  return (
    <pre className="xml-view" data-testid="decl-doc-xml" data-kind={kind}>
      {xml.data}
    </pre>
  );
}

function Documents({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState<DocumentKind | null>(null);
  return (
    <ul className="doc-list" data-testid="decl-docs">
      {DOCUMENT_KINDS.map((kind) => {
        const doc = declaration.documents.find((d) => d.kind === kind);
        const shown = open === kind;
        return (
          <li
            key={kind}
            className="doc-item"
            data-testid="decl-doc"
            data-kind={kind}
            data-filed={doc !== undefined}
            data-receipt-status={doc?.receipt_status ?? ''}
          >
            <div className="doc-head">
              <span>
                <strong>{t(`spine.customs.doc.${kind}`)}</strong> <span className="mono small muted">{doc?.message_type ?? DOCUMENT_TYPES[kind]}</span>
              </span>
              {doc ? (
                <button type="button" aria-expanded={shown} onClick={() => setOpen(shown ? null : kind)} data-testid="decl-doc-view" data-kind={kind}>
                  {t(shown ? 'spine.customs.hide_xml' : 'spine.customs.view_xml')}
                </button>
              ) : null}
            </div>
            <p className="small" data-testid="decl-doc-status">
              {!doc ? (
                <span className="muted">{t('spine.customs.not_filed')}</span>
              ) : doc.receipt_status_text ? (
                <>
                  {pick(doc.receipt_status_text, language)} <span className="mono muted">({doc.receipt_status})</span>
                </>
              ) : (
                <span className="muted">{t('spine.customs.no_receipt')}</span>
              )}
            </p>
            {doc ? (
              <p className="small muted" data-testid="decl-doc-sender" data-sender={doc.sender}>
                {t('spine.customs.sender', { sender: t(`spine.customs.sender_name.${doc.sender}`, { defaultValue: doc.sender }) })}
              </p>
            ) : null}
            {shown && doc ? <DocumentXml declarationId={declaration.id} kind={kind} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function CheckResult({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const { check } = declaration;
  if (check.ok)
    return (
      <p className="limit-ok" data-testid="decl-check-ok">
        ✓ {t('spine.customs.check_ok')}
      </p>
    );
  return (
    <div data-testid="decl-check-problems">
      <p className="limit-bad">✕ {t('spine.customs.check_failed', { n: check.problems.length })}</p>
      <ul className="problem-list">
        {check.problems.map((p) => (
          <li
            key={`${p.rule}-${p.code}-${p.field}-${p.expected}-${p.actual}`}
            className="problem-item"
            data-testid="decl-problem"
            data-code={p.code}
            data-rule={p.rule}
            data-field={p.field}
          >
            <div>
              <strong>{t('spine.customs.rule', { n: p.rule })}</strong> · {t(`spine.customs.problem.${p.code}`, { defaultValue: p.code })}{' '}
              <span className="mono muted">({p.code})</span>
            </div>
            <div className="mono">{p.field}</div>
            <div>
              {t('spine.customs.expected')}:{' '}
              <span className="mono" data-testid="decl-problem-expected">
                {p.expected}
              </span>
            </div>
            <div>
              {t('spine.customs.actual')}:{' '}
              <span className="mono" data-testid="decl-problem-actual">
                {p.actual}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Receipts({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (declaration.receipts.length === 0)
    return (
      <p className="muted small" data-testid="decl-receipts-empty">
        {t('spine.customs.receipts_none')}
      </p>
    );
  return (
    <ul className="rows" data-testid="decl-receipts">
      {declaration.receipts.map((r) => (
        <li
          key={`${r.message_type}-${r.return_time}-${r.return_status}-${r.return_info}`}
          className="row"
          data-testid="decl-receipt"
          data-type={r.message_type}
          data-code={r.return_status}
          data-outcome={r.outcome}
        >
          <div className="row-head">
            <strong className="mono">{r.message_type}</strong>
            <span className="mono">{r.return_status}</span>
            <span className={`badge ${r.outcome === 'applied' ? 'badge-verified' : 'badge-draft'}`} data-testid="decl-receipt-outcome">
              {t(`spine.customs.outcome.${r.outcome}`, { defaultValue: r.outcome })}
            </span>
          </div>
          <span className="small" lang="zh">
            {r.return_info}
          </span>
          <time className="muted small" dateTime={r.return_time}>
            {formatDateTime(r.return_time, language)}
          </time>
        </li>
      ))}
    </ul>
  );
}

/** Sandbox only: play the customs agent, who answers the declaration with a scenario's receipts. */
function AgentSandbox({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const play = useMutation({
    mutationFn: (scenario: (typeof SCENARIOS)[number]) => customsApi.sandboxReceipts(declaration.id, scenario),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: DECLARATIONS_KEY });
    },
  });
  return (
    <div className="sandbox-box" data-testid="decl-sandbox">
      <p className="small">{t('spine.customs.sandbox_help')}</p>
      <div className="scenario-buttons">
        {SCENARIOS.map((s) => (
          <button key={s} type="button" disabled={play.isPending} onClick={() => play.mutate(s)} data-testid={`decl-scenario-${s}`}>
            {t(`spine.customs.scenario.${s}`)}
          </button>
        ))}
      </div>
      {play.isSuccess ? (
        <Notice kind="success" testId="decl-sandbox-result">
          {t('spine.customs.sandbox_done', {
            outcomes: play.data.outcomes.map((o) => t(`spine.customs.outcome.${o}`, { defaultValue: o })).join(', '),
            status: t(`spine.customs.status.${play.data.status}`, { defaultValue: play.data.status }),
          })}
        </Notice>
      ) : null}
      <ErrorBox error={play.error} testId="decl-sandbox-error" />
    </div>
  );
}

/** A declaration that never reached customs: once the cause is fixed (a partner refiled), check and declare again. */
function Redeclare({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const again = useMutation({
    mutationFn: () => customsApi.redeclare(declaration.id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: DECLARATIONS_KEY });
    },
  });
  return (
    <div className="actions-box" data-testid="decl-redeclare-box">
      <p className="small">{t(declaration.status === 'error' ? 'spine.customs.redeclare_help_error' : 'spine.customs.redeclare_help_check_failed')}</p>
      <button type="button" className="button" disabled={again.isPending} onClick={() => again.mutate()} data-testid="decl-redeclare">
        {t('spine.customs.redeclare')}
      </button>
      <ErrorBox error={again.error} testId="decl-redeclare-error" />
    </div>
  );
}

function DeclarationCard({ declaration, sandbox }: { declaration: Declaration; sandbox: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const d = declaration;
  return (
    <li className="card" data-testid="declaration" data-declaration-id={d.id} data-order-id={d.order_id} data-status={d.status}>
      <div className="card-head wrap">
        <h2 className="mono" data-testid="decl-order-id">
          <Link href={`/orders/${encodeURIComponent(d.order_id)}`} data-testid="decl-order-link">
            {d.order_id}
          </Link>
        </h2>
        <DeclarationStatusBadge status={d.status} />
      </div>
      {d.last_status_text ? (
        <p className="small" data-testid="decl-last-status">
          {pick(d.last_status_text, language)} <span className="mono muted">({d.last_status})</span>
          {d.last_info ? (
            <span className="muted" lang="zh">
              {' '}
              · {d.last_info}
            </span>
          ) : null}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('spine.customs.trade_mode')}</dt>
          <dd className="mono" data-testid="decl-trade-mode">
            {d.trade_mode} · {t(`spine.customs.trade_mode_name.${d.trade_mode}`)}
          </dd>
        </div>
        <div>
          <dt>{t('spine.customs.waybill')}</dt>
          <dd className="mono" data-testid="decl-waybill">
            {d.logistics_no}
          </dd>
        </div>
        {d.invt_no ? (
          <div>
            <dt>{t('spine.customs.invt_no')}</dt>
            <dd className="mono" data-testid="decl-invt-no">
              {d.invt_no}
            </dd>
          </div>
        ) : null}
        {d.supersedes ? (
          <div>
            <dt>{t('spine.customs.supersedes')}</dt>
            <dd className="mono" data-testid="decl-supersedes">
              {d.supersedes}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('spine.customs.updated')}</dt>
          <dd>
            <time dateTime={d.updated_at}>{formatDateTime(d.updated_at, language)}</time>
          </dd>
        </div>
      </dl>
      <h3>{t('spine.customs.check_title')}</h3>
      <CheckResult declaration={d} />
      <h3>{t('spine.customs.documents')}</h3>
      <Documents declaration={d} />
      <h3>{t('spine.customs.receipts')}</h3>
      <Receipts declaration={d} />
      {REDECLARABLE.includes(d.status) ? <Redeclare declaration={d} /> : null}
      {sandbox && d.status !== 'superseded' && d.status !== 'check_failed' ? <AgentSandbox declaration={d} /> : null}
    </li>
  );
}

/** /compliance/customs: every CBEC declaration, its three-document check, the messages as filed and customs' receipts. */
export function DeclarationsPage() {
  const { t } = useTranslation();
  const sandbox = useSandboxOn();
  const [status, setStatus] = useState<DeclarationStatus | ''>('');
  const [orderInput, setOrderInput] = useState('');
  const [orderId, setOrderId] = useState('');
  const declarations = useQuery({
    queryKey: [...DECLARATIONS_KEY, { status, orderId }],
    queryFn: () => customsApi.declarations({ status: status || undefined, order_id: orderId || undefined }),
  });
  const search = (e: FormEvent) => {
    e.preventDefault();
    setOrderId(orderInput.trim());
  };
  const items = declarations.data?.items ?? [];
  return (
    <div data-testid="declarations-page">
      <div className="page-head">
        <h1>{t('spine.customs.title')}</h1>
        <button type="button" onClick={() => void declarations.refetch()} disabled={declarations.isFetching} data-testid="decl-refresh">
          {t('spine.refresh')}
        </button>
      </div>
      <p className="muted small">{t('spine.customs.intro')}</p>
      <form className="card filter-bar" onSubmit={search} data-testid="decl-filters">
        <Field label={t('spine.customs.filter_status')} htmlFor="decl-status-filter">
          <select id="decl-status-filter" value={status} onChange={(e) => setStatus(e.target.value as DeclarationStatus | '')} data-testid="decl-filter-status">
            <option value="">{t('spine.customs.status_all')}</option>
            {DECLARATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`spine.customs.status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('spine.customs.filter_order')} htmlFor="decl-order-filter">
          <input
            id="decl-order-filter"
            type="search"
            className="mono"
            autoComplete="off"
            maxLength={40}
            value={orderInput}
            onChange={(e) => setOrderInput(e.target.value)}
            placeholder="ord_…"
            data-testid="decl-filter-order"
          />
        </Field>
        <div className="inline-actions">
          <button type="submit" className="primary" data-testid="decl-search">
            {t('spine.customs.search')}
          </button>
          {orderId || status ? (
            <button
              type="button"
              onClick={() => {
                setStatus('');
                setOrderInput('');
                setOrderId('');
              }}
              data-testid="decl-clear"
            >
              {t('spine.customs.clear')}
            </button>
          ) : null}
        </div>
      </form>
      {declarations.isPending ? <Loading /> : null}
      <ErrorBox error={declarations.error} testId="decl-error" />
      {declarations.isSuccess && items.length === 0 ? (
        <p className="card muted" data-testid="decl-empty">
          {t('spine.customs.empty')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <>
          <p className="muted small" data-testid="decl-count">
            {t('spine.customs.count', { n: items.length })}
          </p>
          <ul className="rows" data-testid="decl-list">
            {items.map((d) => (
              <DeclarationCard key={d.id} declaration={d} sandbox={sandbox} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
