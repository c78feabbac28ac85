import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { Loading, Notice } from '../../components/ui.js';
import { parseWhole } from '../catalogue/money.js';
import { localised } from '../checkout/shared.js';
import { useLanguage } from '../shop/queries.js';
import { type FulfilmentWarehouse, gtcApi, type PackInput, type Parcel, parcelLabelHref, type ScanResult } from './api.js';
import { ScanForm } from './ScanForm.js';
import { FieldMessage, formatGrams, ParcelStatusBadge, ProblemBox, parcelsKey, unplacedError, useFormKey } from './shared.js';

type Measure = keyof PackInput;
const MEASURES: readonly Measure[] = ['weight_g', 'length_mm', 'width_mm', 'height_mm'];

/** The packing bench's scan field: a parcel id (pcl_…) or its waybill number; Enter looks it up. */
function PackScan({ inputRef, onParcel }: { inputRef: RefObject<HTMLInputElement | null>; onParcel: (parcel: Parcel) => void }) {
  const { t } = useTranslation();
  const [last, setLast] = useState<{ code: string; result?: ScanResult; error?: unknown } | null>(null);
  const [pending, setPending] = useState(false);

  const scan = async (scanned: string) => {
    setPending(true);
    try {
      const result = await gtcApi.scan('pack', scanned);
      setLast({ code: scanned, result });
      if (result.parcel) onParcel(result.parcel);
    } catch (error) {
      setLast({ code: scanned, error });
    } finally {
      setPending(false);
    }
  };

  return (
    <ScanForm station="pack" inputRef={inputRef} onScan={(code) => void scan(code)} busy={pending}>
      <div aria-live="polite">
        {last?.result && last.result.outcome !== 'found' ? (
          <p className="alert alert-error" data-testid="gtc-pack-scan-result" data-outcome={last.result.outcome} data-code={last.code}>
            ✕ <span className="mono">{last.code}</span> {t('gtc.scan_unknown')}
          </p>
        ) : null}
        {last?.result?.outcome === 'found' ? (
          <p className="small muted" data-testid="gtc-pack-scan-result" data-outcome="found" data-code={last.code}>
            ✓ <span className="mono">{last.code}</span>
          </p>
        ) : null}
        {last?.error ? <ProblemBox error={last.error} testId="gtc-pack-scan-error" /> : null}
      </div>
    </ScanForm>
  );
}

function PickingList({ warehouse, selected, onSelect }: { warehouse: FulfilmentWarehouse; selected: string | undefined; onSelect: (parcel: Parcel) => void }) {
  const { t } = useTranslation();
  const parcels = useQuery({
    queryKey: parcelsKey(warehouse, 'picking'),
    queryFn: () => gtcApi.parcels({ warehouse_code: warehouse, status: 'picking', limit: 200 }),
  });
  const items = parcels.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="gtc-picking-title">
      <div className="card-head wrap">
        <h2 id="gtc-picking-title">{t('gtc.pack.to_pack', { n: items.length })}</h2>
        <button type="button" onClick={() => void parcels.refetch()} disabled={parcels.isFetching} data-testid="gtc-pack-refresh">
          {t('gtc.refresh')}
        </button>
      </div>
      {parcels.isPending ? <Loading /> : null}
      <ProblemBox error={parcels.error} testId="gtc-pack-list-error" />
      {parcels.isSuccess && items.length === 0 ? (
        <p className="muted" data-testid="gtc-pack-empty">
          {t('gtc.pack.none')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="pick-rows" data-testid="gtc-pack-list">
          {items.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className={p.id === selected ? 'pick-row selected' : 'pick-row'}
                aria-pressed={p.id === selected}
                onClick={() => onSelect(p)}
                data-testid="gtc-pack-parcel-row"
                data-parcel-id={p.id}
                data-order-id={p.order_id}
              >
                <span className="row-head">
                  <strong className="mono">{p.id}</strong>
                  <span className="small">{t(`checkout.lane.${p.lane}`, { defaultValue: p.lane })}</span>
                </span>
                <span className="meta">
                  {t('gtc.pack.items', { n: p.lines.reduce((s, l) => s + l.quantity, 0) })} · {t('gtc.order')} {p.order_id}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Weigh and measure: the scale's weight must fall in the parcel's window; the answer gives the waybill number. */
function PackForm({ parcel, onPacked }: { parcel: Parcel; onPacked: (parcel: Parcel) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const formKey = useFormKey();
  const weightInput = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<Record<Measure, string>>({ weight_g: '', length_mm: '', width_mm: '', height_mm: '' });
  const [touched, setTouched] = useState(false);
  const pack = useMutation({
    mutationFn: (body: PackInput) => gtcApi.pack(parcel.id, body, formKey(body)),
    onSuccess: async (packed) => {
      onPacked(packed);
      await Promise.all([client.invalidateQueries({ queryKey: ['gtc', 'parcels'] }), client.invalidateQueries({ queryKey: ['gtc', 'waves'] })]);
    },
  });
  const serverErrors = pack.error instanceof ApiError ? pack.error.fieldErrors() : {};
  const errorOf = (m: Measure) => serverErrors[m] ?? (touched && parseWhole(values[m]) === undefined ? t('gtc.whole_number') : undefined);
  // The parcel is on the bench: the next thing to type is what the scale shows.
  useEffect(() => weightInput.current?.focus(), []);
  // A weight refused by the scale check: the weight field takes the focus for the next reading.
  useEffect(() => {
    if (pack.error instanceof ApiError && pack.error.fieldErrors().weight_g) weightInput.current?.focus();
  }, [pack.error]);

  const set = (m: Measure, value: string) => {
    setValues((v) => ({ ...v, [m]: value }));
    if (pack.isError) pack.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const parsed = MEASURES.map((m) => parseWhole(values[m]));
    const [weight_g, length_mm, width_mm, height_mm] = parsed;
    if (weight_g === undefined || length_mm === undefined || width_mm === undefined || height_mm === undefined) return;
    pack.mutate({ weight_g, length_mm, width_mm, height_mm });
  };
  const input = (m: Measure) => (
    <div className={`field${errorOf(m) ? ' has-error' : ''}`} key={m}>
      <label htmlFor={`gtc-pack-${m}`}>{t(`gtc.pack.${m}`)}</label>
      <input
        id={`gtc-pack-${m}`}
        ref={m === 'weight_g' ? weightInput : undefined}
        inputMode="numeric"
        autoComplete="off"
        value={values[m]}
        onChange={(e) => set(m, e.target.value)}
        aria-invalid={errorOf(m) ? true : undefined}
        aria-describedby={`gtc-pack-error-${m}`}
        data-testid={`gtc-pack-${m}`}
      />
      {m === 'weight_g' ? (
        <p className="hint">
          {t('gtc.pack.window_hint', { min: formatGrams(parcel.weight_window.min_g, language), max: formatGrams(parcel.weight_window.max_g, language) })}
        </p>
      ) : null}
      <FieldMessage id={`gtc-pack-error-${m}`} path={m} message={errorOf(m)} testId={`gtc-pack-error-${m}`} />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate data-testid="gtc-pack-form" data-parcel-id={parcel.id}>
      {input('weight_g')}
      <fieldset>
        <legend>{t('gtc.pack.dimensions')}</legend>
        <div className="dims">{(['length_mm', 'width_mm', 'height_mm'] as const).map(input)}</div>
      </fieldset>
      <ProblemBox error={unplacedError(pack.error, (path) => (MEASURES as readonly string[]).includes(path))} testId="gtc-pack-error" />
      <button type="submit" className="primary block" disabled={pack.isPending} data-testid="gtc-pack-submit">
        {t('gtc.pack.submit')}
      </button>
    </form>
  );
}

/** A packed parcel: its waybill number and the label to stick on it. */
function PackedResult({ parcel }: { parcel: Parcel }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const href = parcelLabelHref(parcel.id);
  return (
    <div data-testid="gtc-packed" data-parcel-id={parcel.id} data-status={parcel.status}>
      {parcel.status === 'packed' ? (
        <Notice kind="success" testId="gtc-pack-done">
          {t('gtc.pack.done')}
        </Notice>
      ) : null}
      <p>
        {t('gtc.tracking_no')}:{' '}
        <span className="tracking-no" data-testid="gtc-pack-tracking" data-value={parcel.tracking_no ?? ''}>
          {parcel.tracking_no ?? '—'}
        </span>
      </p>
      {parcel.weight_g !== null ? (
        <p className="small muted" data-testid="gtc-pack-measured" data-weight={parcel.weight_g}>
          {formatGrams(parcel.weight_g, language)}
          {parcel.dimensions_mm ? ` · ${parcel.dimensions_mm.length} × ${parcel.dimensions_mm.width} × ${parcel.dimensions_mm.height} mm` : ''}
        </p>
      ) : null}
      {parcel.tracking_no ? (
        <>
          <img className="label-image" src={href} alt={t('gtc.pack.label_alt', { tracking: parcel.tracking_no })} data-testid="gtc-pack-label-img" />
          <a href={href} target="_blank" rel="noopener" className="button block" data-testid="gtc-pack-label-link">
            {t('gtc.pack.label_open')}
          </a>
        </>
      ) : null}
    </div>
  );
}

function ParcelPanel({ parcel, onPacked, onNext }: { parcel: Parcel; onPacked: (p: Parcel) => void; onNext: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="gtc-parcel-title" data-testid="gtc-parcel" data-parcel-id={parcel.id} data-status={parcel.status}>
      <div className="card-head wrap">
        <h2 id="gtc-parcel-title" className="mono">
          {parcel.id}
        </h2>
        <ParcelStatusBadge status={parcel.status} testId="gtc-parcel-status" />
      </div>
      <p className="small muted">
        {t('gtc.order')} <span className="mono">{parcel.order_id}</span> · {t(`checkout.lane.${parcel.lane}`, { defaultValue: parcel.lane })} ·{' '}
        {t(`market.${parcel.market}`, { defaultValue: parcel.market })}
      </p>
      <ul className="line-cards" data-testid="gtc-parcel-lines">
        {parcel.lines.map((line) => {
          const title = localised(line.title, language);
          return (
            <li key={line.variant_id} className="line-card" data-testid="gtc-parcel-line" data-sku={line.sku} data-quantity={line.quantity}>
              <div className="row-head">
                <strong>{line.quantity} ×</strong>
                <span className="line-title" lang={title.lang}>
                  {title.text}
                </span>
              </div>
              <div className="small muted">
                <span className="mono">{line.sku}</span> · {t('gtc.bin')} <span className="mono">{line.bin_code ?? '—'}</span> ·{' '}
                {formatGrams(line.unit_weight_g, language)}
              </div>
            </li>
          );
        })}
      </ul>
      <dl className="figures">
        <div>
          <dt>{t('gtc.pack.expected')}</dt>
          <dd data-testid="gtc-pack-expected" data-value={parcel.expected_weight_g}>
            {formatGrams(parcel.expected_weight_g, language)}
          </dd>
        </div>
        <div>
          <dt>{t('gtc.pack.window')}</dt>
          <dd className="weight-window" data-testid="gtc-pack-window" data-min={parcel.weight_window.min_g} data-max={parcel.weight_window.max_g}>
            {formatGrams(parcel.weight_window.min_g, language)} – {formatGrams(parcel.weight_window.max_g, language)}
          </dd>
        </div>
      </dl>
      {parcel.status === 'picking' ? <PackForm key={parcel.id} parcel={parcel} onPacked={onPacked} /> : <PackedResult parcel={parcel} />}
      {parcel.status !== 'picking' ? (
        <button type="button" className="primary block" onClick={onNext} data-testid="gtc-pack-next">
          {t('gtc.pack.next')}
        </button>
      ) : null}
    </section>
  );
}

/** Packing: scan or choose a picked parcel, weigh and measure it, stick on the waybill label. */
export function PackTab({ warehouse }: { warehouse: FulfilmentWarehouse }) {
  const [parcel, setParcel] = useState<Parcel | null>(null);
  const scanInput = useRef<HTMLInputElement | null>(null);
  const next = () => {
    setParcel(null);
    scanInput.current?.focus();
  };
  return (
    <div data-testid="gtc-pack">
      <PackScan inputRef={scanInput} onParcel={setParcel} />
      {parcel ? <ParcelPanel key={parcel.id} parcel={parcel} onPacked={setParcel} onNext={next} /> : null}
      <PickingList warehouse={warehouse} selected={parcel?.id} onSelect={setParcel} />
    </div>
  );
}
