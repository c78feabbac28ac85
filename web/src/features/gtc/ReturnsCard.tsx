import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { Loading, Notice } from '../../components/ui.js';
import { formatDateTime } from '../../i18n/index.js';
import { localised } from '../checkout/shared.js';
import { settleApi, trackingKey } from '../orders/settleApi.js';
import { useLanguage } from '../shop/queries.js';
import { type FulfilmentWarehouse, gtcApi, type Parcel, type ReturnCondition, type ReturnReceiptInput } from './api.js';
import { FieldMessage, ParcelStatusBadge, ProblemBox, parcelsKey, unplacedError, useFormKey } from './shared.js';

/** The server's limit on a return's note (POST /parcels/{id}/return-receipt). */
const NOTE_LENGTH_MAX = 500;
/** Returned parcels listed per warehouse: the hub checks them in as they come back, so the list stays short. */
const RETURNS_LISTED_MAX = 200;

const unitsOf = (parcel: Parcel) => parcel.lines.reduce((sum, l) => sum + l.quantity, 0);
const waybillOf = (parcel: Parcel) => parcel.tracking_no ?? parcel.id;

function matches(parcel: Parcel, query: string): boolean {
  const q = query.trim().toUpperCase();
  return q === '' || (parcel.tracking_no ?? '').toUpperCase().includes(q) || parcel.id.toUpperCase().includes(q);
}

/** The find field: a scanned waybill number (or parcel id) and Enter choose the parcel; typing narrows the list. */
function ReturnFind({
  inputRef,
  query,
  onQuery,
  onFind,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery: (q: string) => void;
  onFind: (code: string) => boolean;
}) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = query.trim();
    if (!code) return;
    const found = onFind(code);
    setMissing(found ? null : code);
    if (found) onQuery('');
  };
  return (
    <form className="gtc-scan returns-find" onSubmit={submit} data-testid="gtc-returns-find-form">
      <label htmlFor="gtc-returns-find">{t('gtc.returns.find_label')}</label>
      <div className="scan-row">
        <input
          id="gtc-returns-find"
          ref={inputRef}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          aria-describedby="gtc-returns-find-hint"
          data-testid="gtc-returns-find"
        />
        <button type="submit" className="primary" data-testid="gtc-returns-find-submit">
          {t('gtc.scan_submit')}
        </button>
      </div>
      <p className="hint" id="gtc-returns-find-hint">
        {t('gtc.returns.find_hint')}
      </p>
      <div aria-live="polite">
        {missing ? (
          <p className="alert alert-error" data-testid="gtc-returns-find-error" data-code={missing}>
            {t('gtc.returns.not_found', { code: missing })}
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** A parcel's goods in one line of text (a row is a button, which holds no list): "SKU-A × 2 · SKU-B × 1". */
function LinesText({ parcel }: { parcel: Parcel }) {
  return (
    <span className="meta mono" data-testid="gtc-return-row-lines">
      {parcel.lines.map((l) => `${l.sku} × ${l.quantity}`).join(' · ')}
    </span>
  );
}

function ReturnRows({ parcels, selected, onSelect }: { parcels: readonly Parcel[]; selected: string | undefined; onSelect: (p: Parcel) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="pick-rows" data-testid="gtc-returns-list">
      {parcels.map((p) => (
        <li key={p.id}>
          <button
            type="button"
            className={p.id === selected ? 'pick-row selected' : 'pick-row'}
            aria-pressed={p.id === selected}
            onClick={() => onSelect(p)}
            data-testid="gtc-return-row"
            data-parcel-id={p.id}
            data-tracking={p.tracking_no ?? ''}
            data-order-id={p.order_id}
          >
            <span className="row-head">
              <strong className="mono">{waybillOf(p)}</strong>
              <span className="small">{t('gtc.returns.items', { count: unitsOf(p) })}</span>
            </span>
            <LinesText parcel={p} />
            <span className="meta">
              {t('gtc.order')} <span className="mono">{p.order_id}</span>
              {p.dispatched_at ? ` · ${t('gtc.returns.sent_on', { date: formatDateTime(p.dispatched_at, language) })}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** When the carrier reported the parcel back at the sender: its last `returned` tracking event. */
function ReturnedAt({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tracking = useQuery({ queryKey: trackingKey(orderId), queryFn: () => settleApi.tracking(orderId) });
  const returned = (tracking.data?.events ?? []).filter((e) => e.code === 'returned').at(-1);
  if (!returned) return null;
  return (
    <p className="small" data-testid="gtc-return-returned-at" data-value={returned.occurred_at}>
      {t('gtc.returns.returned_on', { date: formatDateTime(returned.occurred_at, language) })}
    </p>
  );
}

/** The parcel's goods as they left: one card per line (title, SKU, quantity). */
function ReturnLines({ parcel }: { parcel: Parcel }) {
  const language = useLanguage();
  return (
    <ul className="line-cards" data-testid="gtc-return-lines">
      {parcel.lines.map((line) => {
        const title = localised(line.title, language);
        return (
          <li key={line.variant_id} className="line-card" data-testid="gtc-return-line" data-sku={line.sku} data-quantity={line.quantity}>
            <div className="row-head">
              <strong>{line.quantity} ×</strong>
              <span className="line-title" lang={title.lang}>
                {title.text}
              </span>
            </div>
            <div className="small mono muted">{line.sku}</div>
          </li>
        );
      })}
    </ul>
  );
}

/** The chosen parcel: its goods, a note, and the two answers (back into stock, or written off as damaged). */
function ReturnPanel({ parcel, onDone, onClose }: { parcel: Parcel; onDone: (p: Parcel) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const formKey = useFormKey();
  const [note, setNote] = useState('');
  const receipt = useMutation({
    mutationFn: (body: ReturnReceiptInput) => gtcApi.returnReceipt(parcel.id, body, formKey(body)),
    onSuccess: (done) => onDone(done),
    // A refusal (already checked in by another station) changes the list too.
    onSettled: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: ['gtc', 'parcels'] }), client.invalidateQueries({ queryKey: ['inventory'] })]);
    },
  });
  const send = (condition: ReturnCondition) => {
    const text = note.trim();
    receipt.mutate({ condition, ...(text ? { note: text } : {}) });
  };
  const noteError = receipt.error instanceof ApiError ? receipt.error.fieldErrors().note : undefined;
  return (
    <div className="return-panel" data-testid="gtc-return-selected" data-parcel-id={parcel.id} data-status={parcel.status}>
      <div className="row-head wrap">
        <strong className="mono tracking-small">{waybillOf(parcel)}</strong>
        <ParcelStatusBadge status={parcel.status} testId="gtc-return-selected-status" />
      </div>
      <p className="small muted">
        {t('gtc.order')} <span className="mono">{parcel.order_id}</span> · <span className="mono">{parcel.id}</span>
      </p>
      <ReturnedAt orderId={parcel.order_id} />
      <ReturnLines parcel={parcel} />
      <div className={`field${noteError ? ' has-error' : ''}`}>
        <label htmlFor="gtc-return-note">{t('gtc.returns.note_label')}</label>
        <textarea
          id="gtc-return-note"
          rows={2}
          maxLength={NOTE_LENGTH_MAX}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            if (receipt.isError) receipt.reset();
          }}
          aria-invalid={noteError ? true : undefined}
          aria-describedby="gtc-return-note-hint gtc-return-error-note"
          data-testid="gtc-return-note"
        />
        <p className="hint" id="gtc-return-note-hint">
          {t('gtc.returns.note_hint', { n: note.length, max: NOTE_LENGTH_MAX })}
        </p>
        <FieldMessage id="gtc-return-error-note" path="note" message={noteError} testId="gtc-return-error-note" />
      </div>
      <h3 className="return-question">{t('gtc.returns.condition_title')}</h3>
      <div className="actions return-actions">
        <button type="button" className="primary" disabled={receipt.isPending} onClick={() => send('resellable')} data-testid="gtc-return-resellable">
          {t('gtc.returns.resellable')}
        </button>
        <button type="button" className="danger-outline" disabled={receipt.isPending} onClick={() => send('damaged')} data-testid="gtc-return-damaged">
          {t('gtc.returns.damaged')}
        </button>
      </div>
      <ProblemBox error={unplacedError(receipt.error, (path) => path === 'note')} testId="gtc-return-error" />
      <button type="button" className="block" onClick={onClose} data-testid="gtc-return-close">
        {t('gtc.returns.close')}
      </button>
    </div>
  );
}

/** The answer to the last return checked in; it stays on screen after the parcel leaves the list. */
function ReturnOutcome({ parcel }: { parcel: Parcel }) {
  const { t } = useTranslation();
  const resellable = parcel.return_condition === 'resellable';
  const figures = {
    tracking: waybillOf(parcel),
    warehouse: t(`gtc.warehouse.${parcel.warehouse_code}`, { defaultValue: parcel.warehouse_code }),
    count: unitsOf(parcel),
  };
  return (
    <Notice kind={resellable ? 'success' : 'warning'} testId="gtc-return-result">
      <span data-parcel-id={parcel.id} data-condition={parcel.return_condition ?? ''} data-status={parcel.status}>
        {resellable ? `✓ ${t('gtc.returns.done_resellable', figures)}` : `✕ ${t('gtc.returns.done_damaged', figures)}`}
      </span>
    </Notice>
  );
}

/**
 * Parcels the carrier brought back to the sender (status `returned`; the buyer was refunded then), checked back in at
 * this hub: scan or tap one, look at the goods, then put them back into stock or write them off as damaged.
 */
export function ReturnsCard({ warehouse }: { warehouse: FulfilmentWarehouse }) {
  const { t } = useTranslation();
  const findInput = useRef<HTMLInputElement | null>(null);
  const [query, setQuery] = useState('');
  // The parcel as chosen, kept while the list refreshes (a refused answer must stay on screen with its parcel).
  const [selected, setSelected] = useState<Parcel | null>(null);
  const [outcome, setOutcome] = useState<Parcel | null>(null);
  const list = useQuery({
    queryKey: parcelsKey(warehouse, 'returned'),
    queryFn: () => gtcApi.parcels({ warehouse_code: warehouse, status: 'returned', limit: RETURNS_LISTED_MAX }),
  });
  const items = list.data?.items ?? [];
  const shown = items.filter((p) => matches(p, query));
  const choose = (p: Parcel) => {
    setSelected(p);
    setOutcome(null);
  };
  const find = (code: string) => {
    const wanted = code.toUpperCase();
    const hit = items.find((p) => p.tracking_no?.toUpperCase() === wanted || p.id.toUpperCase() === wanted);
    if (hit) choose(hit);
    return hit !== undefined;
  };
  // After an answer the next parcel is scanned: the find field takes the focus back.
  const done = (p: Parcel) => {
    setOutcome(p);
    setSelected(null);
    findInput.current?.focus();
  };
  return (
    <section className="card" aria-labelledby="gtc-returns-title" data-testid="gtc-returns-card" data-count={list.isSuccess ? items.length : ''}>
      <div className="card-head wrap">
        <h2 id="gtc-returns-title">{t('gtc.returns.title', { n: items.length })}</h2>
        <button type="button" onClick={() => void list.refetch()} disabled={list.isFetching} data-testid="gtc-returns-refresh">
          {t('gtc.refresh')}
        </button>
      </div>
      <p className="small muted">{t('gtc.returns.help')}</p>
      <ReturnFind inputRef={findInput} query={query} onQuery={setQuery} onFind={find} />
      <div aria-live="polite">{outcome ? <ReturnOutcome parcel={outcome} /> : null}</div>
      {selected ? <ReturnPanel key={selected.id} parcel={selected} onDone={done} onClose={() => setSelected(null)} /> : null}
      {list.isPending ? <Loading /> : null}
      <ProblemBox error={list.error} testId="gtc-returns-list-error" />
      {list.isSuccess && items.length === 0 ? (
        <p className="muted" data-testid="gtc-returns-empty">
          {t('gtc.returns.empty')}
        </p>
      ) : null}
      {items.length > 0 && shown.length === 0 ? (
        <p className="small muted" data-testid="gtc-returns-no-match">
          {t('gtc.returns.no_match', { code: query.trim() })}
        </p>
      ) : null}
      {shown.length > 0 ? <ReturnRows parcels={shown} selected={selected?.id} onSelect={choose} /> : null}
    </section>
  );
}
