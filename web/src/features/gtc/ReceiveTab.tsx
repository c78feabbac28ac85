import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { Loading, Notice } from '../../components/ui.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { parseWhole } from '../catalogue/money.js';
import { localised } from '../checkout/shared.js';
import { useLanguage } from '../shop/queries.js';
import {
  type FulfilmentWarehouse,
  gtcApi,
  type InboundShipment,
  type InboundStatus,
  REJECT_REASONS,
  type ReceiveInput,
  type RejectReason,
  type ScanResult,
} from './api.js';
import { ReturnsCard } from './ReturnsCard.js';
import { ScanForm } from './ScanForm.js';
import { FieldMessage, InboundStatusBadge, inboundKey, inboundListKey, type LineFigure, LineFigures, ProblemBox, unplacedError, useFormKey } from './shared.js';

/** Open shipments (on their way or announced) come first: they are the ones the dock is waiting for. */
const STATUS_ORDER: Record<InboundStatus, number> = { in_transit: 0, announced: 1, received: 2, cancelled: 3 };

function totals(s: InboundShipment) {
  return s.lines.reduce((sum, l) => ({ units: sum.units + l.announced, cartons: sum.cartons + l.cartons, scanned: sum.scanned + l.scanned_cartons }), {
    units: 0,
    cartons: 0,
    scanned: 0,
  });
}

interface ScanEntry {
  n: number;
  code: string;
  result?: ScanResult;
  error?: unknown;
}

/** The receiving dock's scan field: each carton label counts once; the last answers stay listed below. */
function ReceiveScan({ inputRef, onShipment }: { inputRef: RefObject<HTMLInputElement | null>; onShipment: (id: string) => void }) {
  const client = useQueryClient();
  const [log, setLog] = useState<ScanEntry[]>([]);
  const [pending, setPending] = useState(0);
  const counter = useRef(0);

  // The field stays enabled: the next carton may be scanned before this answer arrives.
  const scan = async (scanned: string) => {
    counter.current += 1;
    const n = counter.current;
    setPending((p) => p + 1);
    try {
      const result = await gtcApi.scan('receive', scanned);
      setLog((l) => [{ n, code: scanned, result }, ...l].slice(0, 6));
      if (result.shipment_id) {
        const id = result.shipment_id;
        // The line shows the new count at once; the refetch confirms it.
        client.setQueryData<InboundShipment>(inboundKey(id), (s) =>
          s && result.line_no !== null && result.scanned_cartons !== null
            ? { ...s, lines: s.lines.map((l) => (l.line_no === result.line_no ? { ...l, scanned_cartons: result.scanned_cartons ?? l.scanned_cartons } : l)) }
            : s,
        );
        onShipment(id);
        await client.invalidateQueries({ queryKey: ['gtc', 'inbound'] });
      }
    } catch (error) {
      setLog((l) => [{ n, code: scanned, error }, ...l].slice(0, 6));
    } finally {
      setPending((p) => p - 1);
    }
  };

  const [last, ...earlier] = log;
  return (
    <ScanForm station="receive" inputRef={inputRef} onScan={(code) => void scan(code)}>
      <div aria-live="polite" data-testid="gtc-receive-scan-status" data-pending={pending}>
        {last ? <ScanLine entry={last} testId="gtc-scan-result" main /> : null}
      </div>
      {earlier.length > 0 ? (
        <ul className="scan-log" data-testid="gtc-scan-log">
          {earlier.map((entry) => (
            <li key={entry.n}>
              <ScanLine entry={entry} testId="gtc-scan-log-entry" />
            </li>
          ))}
        </ul>
      ) : null}
    </ScanForm>
  );
}

function ScanLine({ entry, testId, main = false }: { entry: ScanEntry; testId: string; main?: boolean }) {
  const { t } = useTranslation();
  const r = entry.result;
  if (!r) {
    return <ProblemBox error={entry.error} testId={main ? 'gtc-scan-error' : `${testId}-error`} />;
  }
  const figures = { line: r.line_no ?? '', n: r.scanned_cartons ?? 0, cartons: r.cartons ?? 0, code: entry.code };
  const text =
    r.outcome === 'counted'
      ? t('gtc.receive.scan_counted', figures)
      : r.outcome === 'already_scanned'
        ? t('gtc.receive.scan_already', figures)
        : t('gtc.scan_unknown');
  const kind = r.outcome === 'counted' ? 'success' : r.outcome === 'already_scanned' ? 'warning' : 'error';
  const body = (
    <>
      <span className="mono small">{entry.code}</span> <span>{text}</span>
    </>
  );
  if (!main) {
    return (
      <span data-testid={testId} data-outcome={r.outcome} data-code={entry.code}>
        {body}
      </span>
    );
  }
  return (
    <p
      className={`alert alert-${kind} scan-result`}
      role="status"
      data-testid={testId}
      data-outcome={r.outcome}
      data-code={entry.code}
      data-shipment-id={r.shipment_id ?? ''}
      data-line-no={r.line_no ?? ''}
      data-scanned={r.scanned_cartons ?? ''}
      data-cartons={r.cartons ?? ''}
    >
      {r.outcome === 'counted' ? '✓ ' : r.outcome === 'already_scanned' ? '⟲ ' : '✕ '}
      {body}
    </p>
  );
}

function ShipmentList({ warehouse, onSelect }: { warehouse: FulfilmentWarehouse; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useQuery({
    queryKey: inboundListKey({ warehouse_code: warehouse }),
    queryFn: () => gtcApi.inbound({ warehouse_code: warehouse, limit: 200 }),
  });
  const items = [...(list.data?.items ?? [])].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  return (
    <section className="card" aria-labelledby="gtc-inbound-list-title" data-testid="gtc-inbound-list-card">
      <div className="card-head wrap">
        <h2 id="gtc-inbound-list-title">{t('gtc.receive.list_title')}</h2>
        <button type="button" onClick={() => void list.refetch()} disabled={list.isFetching} data-testid="gtc-receive-refresh">
          {t('gtc.refresh')}
        </button>
      </div>
      {list.isPending ? <Loading /> : null}
      <ProblemBox error={list.error} testId="gtc-inbound-list-error" />
      {list.isSuccess && items.length === 0 ? (
        <p className="muted" data-testid="gtc-inbound-empty">
          {t('gtc.receive.empty')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="pick-rows" data-testid="gtc-inbound-list">
          {items.map((s) => {
            const sum = totals(s);
            return (
              <li key={s.id}>
                <button
                  type="button"
                  className="pick-row"
                  onClick={() => onSelect(s.id)}
                  data-testid="gtc-inbound-row"
                  data-shipment-id={s.id}
                  data-status={s.status}
                  data-reference={s.reference ?? ''}
                >
                  <span className="row-head">
                    <strong className="mono">{s.reference || s.id}</strong>
                    <InboundStatusBadge status={s.status} testId="gtc-inbound-row-status" />
                  </span>
                  <span className="meta">
                    {t('gtc.receive.row_figures', { lines: s.lines.length, units: sum.units, scanned: sum.scanned, cartons: sum.cartons })}
                  </span>
                  <span className="meta">
                    {s.expected_on ? t('gtc.receive.expected_on', { date: formatDate(s.expected_on, language) }) : formatDateTime(s.created_at, language)}
                    {s.discrepancy ? ` · ⚠ ${t('gtc.discrepancy')}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

interface CountRow {
  received: string;
  rejected: string;
  reason: RejectReason | '';
}

/** What the operator counted per line: received, rejected and why; sent once (the form's key replays a second click). */
function ReceiveForm({ shipment }: { shipment: InboundShipment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const formKey = useFormKey();
  const [rows, setRows] = useState<CountRow[]>(() => shipment.lines.map(() => ({ received: '', rejected: '0', reason: '' })));
  const [touched, setTouched] = useState(false);

  const receive = useMutation({
    mutationFn: (body: ReceiveInput) => gtcApi.receive(shipment.id, body, formKey(body)),
    onSuccess: async (done) => {
      client.setQueryData(inboundKey(done.id), done);
      await Promise.all([client.invalidateQueries({ queryKey: ['gtc', 'inbound', 'list'] }), client.invalidateQueries({ queryKey: ['inventory'] })]);
    },
  });
  const serverErrors = receive.error instanceof ApiError ? receive.error.fieldErrors() : {};

  const set = (i: number, patch: Partial<CountRow>) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    if (receive.isError) receive.reset();
  };
  const localError = (i: number, field: 'received' | 'rejected') => {
    if (!touched) return undefined;
    const row = rows[i];
    const text = row ? row[field] : '';
    if (field === 'rejected' && text.trim() === '') return undefined;
    return parseWhole(text) === undefined ? t('gtc.whole_number') : undefined;
  };
  const errorOf = (i: number, field: 'received' | 'rejected' | 'reason' | 'variant_id') =>
    serverErrors[`lines[${i}].${field}`] ?? (field === 'received' || field === 'rejected' ? localError(i, field) : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const counted = rows.map((r) => ({ received: parseWhole(r.received), rejected: r.rejected.trim() === '' ? 0 : parseWhole(r.rejected) }));
    if (counted.some((c) => c.received === undefined || c.rejected === undefined)) return;
    const body: ReceiveInput = {
      lines: shipment.lines.map((l, i) => {
        const row = rows[i];
        return {
          variant_id: l.variant_id,
          received: counted[i]?.received ?? 0,
          rejected: counted[i]?.rejected ?? 0,
          ...(row?.reason ? { reason: row.reason } : {}),
        };
      }),
    };
    receive.mutate(body);
  };

  const fillAnnounced = () => {
    setRows((rs) => rs.map((r, i) => ({ ...r, received: String(shipment.lines[i]?.announced ?? '') })));
    if (receive.isError) receive.reset();
  };

  const unplaced = unplacedError(receive.error, (path) => /^lines\[\d+\]\.(received|rejected|reason|variant_id)$/.test(path));
  return (
    <form onSubmit={submit} noValidate data-testid="gtc-receive-form" data-shipment-id={shipment.id}>
      <div className="card-head wrap">
        <h3>{t('gtc.receive.lines_title')}</h3>
        <button type="button" onClick={fillAnnounced} data-testid="gtc-receive-fill-announced">
          {t('gtc.receive.fill_announced')}
        </button>
      </div>
      <ol className="line-cards" data-testid="gtc-receive-lines">
        {shipment.lines.map((line, i) => {
          const row = rows[i] ?? { received: '', rejected: '0', reason: '' };
          const id = (field: string) => `gtc-receive-${field}-${i}`;
          const err = (field: string) => `gtc-receive-error-${field}-${i}`;
          const title = localised(line.title, language);
          const complete = line.scanned_cartons >= line.cartons;
          const countInput = (field: 'received' | 'rejected') => (
            <div className={`field${errorOf(i, field) ? ' has-error' : ''}`}>
              <label htmlFor={id(field)}>{t(`gtc.${field}`)}</label>
              <input
                id={id(field)}
                inputMode="numeric"
                autoComplete="off"
                value={row[field]}
                onChange={(e) => set(i, { [field]: e.target.value })}
                aria-invalid={errorOf(i, field) ? true : undefined}
                aria-describedby={err(field)}
                data-testid={`gtc-receive-${field}-${i}`}
              />
              <FieldMessage id={err(field)} path={`lines[${i}].${field}`} message={errorOf(i, field)} testId={err(field)} />
            </div>
          );
          return (
            <li key={line.line_no} className="line-card" data-testid="gtc-receive-line" data-line-no={line.line_no} data-variant-id={line.variant_id}>
              <div className="line-title" lang={title.lang}>
                {title.text}
              </div>
              <div className="mono small muted">{line.sku}</div>
              <dl className="figures">
                <div>
                  <dt>{t('gtc.announced')}</dt>
                  <dd data-testid="gtc-line-announced" data-value={line.announced}>
                    {line.announced}
                  </dd>
                </div>
                <div>
                  <dt>{t('gtc.cartons')}</dt>
                  <dd data-testid="gtc-line-cartons" data-value={line.cartons}>
                    {line.cartons}
                  </dd>
                </div>
                <div>
                  <dt>{t('gtc.scanned')}</dt>
                  <dd className={complete ? 'scan-progress complete' : 'scan-progress'} data-testid="gtc-line-scanned" data-value={line.scanned_cartons}>
                    {line.scanned_cartons}/{line.cartons}
                    {complete ? ' ✓' : ''}
                  </dd>
                </div>
              </dl>
              <div className="count-inputs">
                {countInput('received')}
                {countInput('rejected')}
                <div className={`field field-wide${errorOf(i, 'reason') ? ' has-error' : ''}`}>
                  <label htmlFor={id('reason')}>{t('gtc.reason_label')}</label>
                  <select
                    id={id('reason')}
                    value={row.reason}
                    onChange={(e) => set(i, { reason: e.target.value as RejectReason | '' })}
                    aria-invalid={errorOf(i, 'reason') ? true : undefined}
                    aria-describedby={err('reason')}
                    data-testid={`gtc-receive-reason-${i}`}
                  >
                    <option value="">{t('gtc.reason_none')}</option>
                    {REJECT_REASONS.map((r) => (
                      <option key={r} value={r}>
                        {t(`gtc.reason.${r}`)}
                      </option>
                    ))}
                  </select>
                  <FieldMessage id={err('reason')} path={`lines[${i}].reason`} message={errorOf(i, 'reason')} testId={err('reason')} />
                </div>
              </div>
              <FieldMessage id={err('variant_id')} path={`lines[${i}].variant_id`} message={errorOf(i, 'variant_id')} testId={err('variant_id')} />
            </li>
          );
        })}
      </ol>
      <ProblemBox error={unplaced} testId="gtc-receive-error" />
      <button type="submit" className="primary block" disabled={receive.isPending} data-testid="gtc-receive-submit">
        {t('gtc.receive.submit')}
      </button>
    </form>
  );
}

const RECEIVED_FIGURES: readonly LineFigure[] = ['announced', 'received', 'accepted', 'rejected', 'reason', 'bin'];

/** A shipment the hub has counted: what went into stock, what was refused and why, and where it was put away. */
function ReceivedResult({ shipment }: { shipment: InboundShipment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const accepted = shipment.lines.reduce((s, l) => s + (l.accepted ?? 0), 0);
  const rejected = shipment.lines.reduce((s, l) => s + (l.rejected ?? 0), 0);
  return (
    <div data-testid="gtc-received" data-shipment-id={shipment.id} data-discrepancy={shipment.discrepancy}>
      <Notice kind={shipment.discrepancy ? 'warning' : 'success'} testId="gtc-received-summary">
        {t('gtc.receive.done', { accepted, rejected })}
        {shipment.received_at ? <span className="muted small"> · {formatDateTime(shipment.received_at, language)}</span> : null}
      </Notice>
      <p data-testid="gtc-received-discrepancy" data-value={shipment.discrepancy}>
        {shipment.discrepancy ? (
          <strong className="limit-bad">⚠ {t('gtc.discrepancy_yes')}</strong>
        ) : (
          <span className="limit-ok">✓ {t('gtc.discrepancy_no')}</span>
        )}
      </p>
      <dl className="figures">
        <div>
          <dt>{t('gtc.accepted')}</dt>
          <dd data-testid="gtc-received-accepted-total" data-value={accepted}>
            {accepted}
          </dd>
        </div>
        <div>
          <dt>{t('gtc.rejected')}</dt>
          <dd data-testid="gtc-received-rejected-total" data-value={rejected}>
            {rejected}
          </dd>
        </div>
      </dl>
      <ol className="line-cards">
        {shipment.lines.map((line) => {
          const title = localised(line.title, language);
          const off = line.received !== line.announced || (line.rejected ?? 0) > 0;
          return (
            <li
              key={line.line_no}
              className={off ? 'line-card discrepant' : 'line-card'}
              data-testid="gtc-received-line"
              data-line-no={line.line_no}
              data-variant-id={line.variant_id}
              data-bin={line.bin_code ?? ''}
            >
              <div className="line-title" lang={title.lang}>
                {title.text}
              </div>
              <div className="mono small muted">{line.sku}</div>
              <LineFigures line={line} testIdPrefix="gtc-received" figures={RECEIVED_FIGURES} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function ShipmentPanel({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shipment = useQuery({ queryKey: inboundKey(id), queryFn: () => gtcApi.inboundShipment(id) });
  const s = shipment.data;
  return (
    <section className="card" aria-labelledby="gtc-shipment-title" data-testid="gtc-shipment" data-shipment-id={id} data-status={s?.status ?? ''}>
      <div className="card-head wrap">
        <h2 id="gtc-shipment-title" className="mono">
          {s?.reference || id}
        </h2>
        <button type="button" onClick={onBack} data-testid="gtc-receive-back">
          {t('gtc.back_to_list')}
        </button>
      </div>
      {shipment.isPending ? <Loading /> : null}
      <ProblemBox error={shipment.error} testId="gtc-shipment-error" />
      {s ? (
        <>
          <p className="small">
            <InboundStatusBadge status={s.status} testId="gtc-shipment-status" /> <span className="mono muted">{s.id}</span>
          </p>
          <p className="small muted">
            {t('gtc.seller_id')}: <span className="mono">{s.seller_id}</span>
            {s.expected_on ? ` · ${t('gtc.receive.expected_on', { date: formatDate(s.expected_on, language) })}` : ''}
          </p>
          {s.status === 'received' ? <ReceivedResult shipment={s} /> : null}
          {s.status === 'cancelled' ? <Notice kind="warning">{t('gtc.receive.cancelled')}</Notice> : null}
          {s.status === 'announced' || s.status === 'in_transit' ? <ReceiveForm key={s.id} shipment={s} /> : null}
        </>
      ) : null}
    </section>
  );
}

/** Receiving at the dock: scan carton labels, count each line, put the accepted goods into stock; check returned parcels back in. */
export function ReceiveTab({ warehouse }: { warehouse: FulfilmentWarehouse }) {
  const [selected, setSelected] = useState<string | null>(null);
  const scanInput = useRef<HTMLInputElement | null>(null);
  // Back to the scan field whenever the shipment on screen changes: the next thing the dock does is scan.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose when the selection changes
  useEffect(() => {
    scanInput.current?.focus();
  }, [selected]);
  return (
    <div data-testid="gtc-receive">
      <ReceiveScan inputRef={scanInput} onShipment={setSelected} />
      {selected ? (
        <ShipmentPanel key={selected} id={selected} onBack={() => setSelected(null)} />
      ) : (
        <ShipmentList warehouse={warehouse} onSelect={setSelected} />
      )}
      <ReturnsCard warehouse={warehouse} />
    </div>
  );
}
