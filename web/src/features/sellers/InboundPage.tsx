import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, newIdempotencyKey, type Seller } from '../../api.js';
import { ConfirmStep, Field, Loading, Notice } from '../../components/ui.js';
import { formatDate, formatDateTime, type Language } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { parseWhole } from '../catalogue/money.js';
import { SellerScope, stockKey } from '../catalogue/shared.js';
import { localised } from '../checkout/shared.js';
import { cartonLabelsHref, type FulfilmentWarehouse, gtcApi, type InboundInput, type InboundShipment } from '../gtc/api.js';
import { FieldMessage, InboundStatusBadge, inboundListKey, type LineFigure, LineFigures, ProblemBox, unplacedError, WarehouseSelect } from '../gtc/shared.js';
import { useLanguage } from '../shop/queries.js';

/** A variant the seller can send in, with its product's title. */
interface VariantChoice {
  id: string;
  sku: string;
  title: { th: string; zh?: string | undefined; en?: string | undefined };
}

const sellerVariantsKey = (sellerId: string) => ['gtc', 'seller-variants', sellerId] as const;

/** The seller's variants, from its products (up to 200 products: the list the catalogue pages page through). */
function useSellerVariants(sellerId: string) {
  return useQuery({
    queryKey: sellerVariantsKey(sellerId),
    queryFn: async (): Promise<VariantChoice[]> => {
      const page = await api.sellerProducts(sellerId, { limit: 200 });
      return page.items.flatMap((p) => p.variants.map((v) => ({ id: v.id, sku: v.sku, title: p.title })));
    },
  });
}

function variantLabel(v: VariantChoice, language: Language): string {
  return `${localised(v.title, language).text} — ${v.sku}`;
}

interface LineDraft {
  key: number;
  variant_id: string;
  quantity: string;
  cartons: string;
}

/**
 * Paid orders whose goods are still at the seller's own premises: the hub cannot pick them until the
 * goods arrive. "Announce these" fills the booking form with them.
 */
function AwaitingHub({
  seller,
  variants,
  onAnnounce,
}: {
  seller: Seller;
  variants: readonly VariantChoice[];
  onAnnounce: (lines: { variant_id: string; quantity: number }[]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const waiting = useQuery({ queryKey: ['gtc', 'awaiting-hub', seller.id], queryFn: () => gtcApi.awaitingHub(seller.id) });
  const items = waiting.data?.items ?? [];
  if (items.length === 0) return null;
  const byId = new Map(variants.map((v) => [v.id, v]));
  return (
    <section className="card" data-testid="inbound-awaiting" aria-labelledby="inbound-awaiting-title">
      <h2 id="inbound-awaiting-title">{t('gtc.inbound.awaiting_title')}</h2>
      <Notice kind="info">{t('gtc.inbound.awaiting_intro')}</Notice>
      <ul className="rows">
        {items.map((i) => {
          const v = byId.get(i.variant_id);
          return (
            <li key={i.variant_id} className="row" data-testid="inbound-awaiting-line" data-variant-id={i.variant_id} data-quantity={i.quantity}>
              <span>{v ? variantLabel(v, language) : i.sku}</span> <strong>× {i.quantity}</strong>{' '}
              <span className="small muted">{t('gtc.inbound.awaiting_orders', { count: i.orders })}</span>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button"
        data-testid="inbound-awaiting-announce"
        onClick={() => onAnnounce(items.map((i) => ({ variant_id: i.variant_id, quantity: i.quantity })))}
      >
        {t('gtc.inbound.awaiting_announce')}
      </button>
    </section>
  );
}

/** Booking an inbound shipment (advance shipping notice): where to, when, and what in how many cartons. */
function BookForm({
  seller,
  variants,
  initial,
}: {
  seller: Seller;
  variants: readonly VariantChoice[];
  initial?: readonly { variant_id: string; quantity: number }[] | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const next = useRef(1);
  const blank = (): LineDraft => ({ key: next.current++, variant_id: '', quantity: '', cartons: '1' });
  const [warehouse, setWarehouse] = useState<FulfilmentWarehouse>('GTC-BKK');
  const [reference, setReference] = useState('');
  const [expected, setExpected] = useState('');
  const [lines, setLines] = useState<LineDraft[]>(() =>
    initial && initial.length > 0
      ? initial.map((l) => ({ key: next.current++, variant_id: l.variant_id, quantity: String(l.quantity), cartons: '1' }))
      : [blank()],
  );
  const [touched, setTouched] = useState(false);

  const book = useMutation({
    mutationFn: (body: InboundInput) => gtcApi.bookInbound(body, idempotency.keyFor(body)),
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async () => {
      setReference('');
      setExpected('');
      setLines([blank()]);
      setTouched(false);
      await client.invalidateQueries({ queryKey: inboundListKey({ seller_id: seller.id }) });
    },
  });
  const serverErrors = book.error instanceof ApiError ? book.error.fieldErrors() : {};
  const changed = () => {
    if (book.isError || book.isSuccess) book.reset();
  };
  const setLine = (i: number, patch: Partial<LineDraft>) => {
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
    changed();
  };

  const lineError = (i: number, field: 'variant_id' | 'quantity' | 'cartons'): string | undefined => {
    const server = serverErrors[`lines[${i}].${field}`];
    if (server || !touched) return server;
    const line = lines[i];
    if (!line) return undefined;
    if (field === 'variant_id' && !line.variant_id) return t('gtc.inbound.choose_variant');
    if (field === 'quantity' && !((parseWhole(line.quantity) ?? 0) > 0)) return t('gtc.whole_number_positive');
    if (field === 'cartons' && line.cartons.trim() !== '' && !((parseWhole(line.cartons) ?? 0) > 0)) return t('gtc.whole_number_positive');
    return undefined;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (book.isSuccess) book.reset();
    const parsed = lines.map((l) => ({
      variant_id: l.variant_id,
      quantity: parseWhole(l.quantity) ?? 0,
      cartons: l.cartons.trim() === '' ? undefined : (parseWhole(l.cartons) ?? 0),
    }));
    if (parsed.some((l) => !l.variant_id || l.quantity <= 0 || (l.cartons !== undefined && l.cartons <= 0))) return;
    const body: InboundInput = {
      seller_id: seller.id,
      warehouse_code: warehouse,
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      ...(expected ? { expected_on: expected } : {}),
      lines: parsed.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity, ...(l.cartons !== undefined ? { cartons: l.cartons } : {}) })),
    };
    book.mutate(body);
  };

  const placed = (path: string) => ['warehouse_code', 'reference', 'expected_on'].includes(path) || /^lines\[\d+\]\.(variant_id|quantity|cartons)$/.test(path);
  return (
    <section className="card" id="inbound-book" aria-labelledby="inbound-book-title">
      <h2 id="inbound-book-title">{t('gtc.inbound.book_title')}</h2>
      <p className="muted small">{t('gtc.inbound.book_intro')}</p>
      <form onSubmit={submit} noValidate data-testid="inbound-form">
        <WarehouseSelect
          id="inbound-warehouse"
          value={warehouse}
          onChange={(code) => {
            setWarehouse(code);
            changed();
          }}
          testId="inbound-warehouse"
          label={t('gtc.inbound.warehouse')}
        />
        <FieldMessage id="inbound-error-warehouse_code" path="warehouse_code" message={serverErrors.warehouse_code} testId="inbound-error-warehouse_code" />
        <div className="field-pair">
          <Field label={t('gtc.inbound.reference')} htmlFor="inbound-reference" optional hint={t('gtc.inbound.reference_hint')}>
            <input
              id="inbound-reference"
              maxLength={100}
              autoComplete="off"
              value={reference}
              onChange={(e) => {
                setReference(e.target.value);
                changed();
              }}
              aria-describedby="inbound-error-reference"
              data-testid="inbound-reference"
            />
            <FieldMessage id="inbound-error-reference" path="reference" message={serverErrors.reference} testId="inbound-error-reference" />
          </Field>
          <Field label={t('gtc.inbound.expected_on')} htmlFor="inbound-expected" optional>
            <input
              id="inbound-expected"
              type="date"
              value={expected}
              onChange={(e) => {
                setExpected(e.target.value);
                changed();
              }}
              aria-describedby="inbound-error-expected_on"
              data-testid="inbound-expected"
            />
            <FieldMessage id="inbound-error-expected_on" path="expected_on" message={serverErrors.expected_on} testId="inbound-error-expected_on" />
          </Field>
        </div>
        <fieldset>
          <legend>{t('gtc.inbound.lines')}</legend>
          {variants.length === 0 ? (
            <Notice kind="warning" testId="inbound-no-products">
              {t('gtc.inbound.no_products')}
            </Notice>
          ) : null}
          <ol className="line-cards" data-testid="inbound-lines">
            {lines.map((line, i) => {
              const id = (field: string) => `inbound-${field}-${i}`;
              const err = (field: string) => `inbound-error-${field}-${i}`;
              const countInput = (field: 'quantity' | 'cartons') => (
                <div className={`field${lineError(i, field) ? ' has-error' : ''}`}>
                  <label htmlFor={id(field)}>{t(`gtc.inbound.${field}`)}</label>
                  <input
                    id={id(field)}
                    inputMode="numeric"
                    autoComplete="off"
                    value={line[field]}
                    onChange={(e) => setLine(i, { [field]: e.target.value })}
                    aria-invalid={lineError(i, field) ? true : undefined}
                    aria-describedby={err(field)}
                    data-testid={id(field)}
                  />
                  <FieldMessage id={err(field)} path={`lines[${i}].${field}`} message={lineError(i, field)} testId={err(field)} />
                </div>
              );
              return (
                <li key={line.key} className="line-card" data-testid="inbound-line" data-index={i}>
                  <div className={`field${lineError(i, 'variant_id') ? ' has-error' : ''}`}>
                    <label htmlFor={id('variant')}>{t('gtc.inbound.variant')}</label>
                    <select
                      id={id('variant')}
                      value={line.variant_id}
                      onChange={(e) => setLine(i, { variant_id: e.target.value })}
                      aria-invalid={lineError(i, 'variant_id') ? true : undefined}
                      aria-describedby={err('variant_id')}
                      data-testid={id('variant')}
                    >
                      <option value="">{t('gtc.inbound.choose_variant')}</option>
                      {variants.map((v) => (
                        <option key={v.id} value={v.id} data-sku={v.sku}>
                          {variantLabel(v, language)}
                        </option>
                      ))}
                    </select>
                    <FieldMessage id={err('variant_id')} path={`lines[${i}].variant_id`} message={lineError(i, 'variant_id')} testId={err('variant_id')} />
                  </div>
                  <div className="count-inputs">
                    {countInput('quantity')}
                    {countInput('cartons')}
                  </div>
                  {lines.length > 1 ? (
                    <button
                      type="button"
                      className="danger-outline"
                      onClick={() => {
                        setLines((ls) => ls.filter((_, j) => j !== i));
                        changed();
                      }}
                      data-testid={`inbound-remove-line-${i}`}
                    >
                      {t('gtc.inbound.remove_line')}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="block"
            onClick={() => {
              setLines((ls) => [...ls, blank()]);
              changed();
            }}
            data-testid="inbound-add-line"
          >
            + {t('gtc.inbound.add_line')}
          </button>
        </fieldset>
        <ProblemBox error={unplacedError(book.error, placed)} testId="inbound-error" />
        {book.isSuccess ? (
          <Notice kind="success" testId="inbound-booked">
            {t('gtc.inbound.booked', { id: book.data.reference || book.data.id })}
          </Notice>
        ) : null}
        <button type="submit" className="primary block" disabled={book.isPending || variants.length === 0} data-testid="inbound-submit">
          {t('gtc.inbound.submit')}
        </button>
      </form>
    </section>
  );
}

const SHIPMENT_FIGURES: readonly LineFigure[] = ['announced', 'cartons', 'received', 'accepted', 'rejected', 'reason'];

/** One booked shipment: where it stands, what the hub counted, and what the seller can still do. */
function ShipmentCard({ shipment: s, seller }: { shipment: InboundShipment; seller: Seller }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const move = useMutation({
    mutationFn: (action: 'in-transit' | 'cancel') => gtcApi.moveInbound(s.id, action, newIdempotencyKey()),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: inboundListKey({ seller_id: seller.id }) });
    },
  });
  const open = s.status === 'announced' || s.status === 'in_transit';
  return (
    <li
      className="row"
      data-testid="inbound-shipment"
      data-shipment-id={s.id}
      data-status={s.status}
      data-discrepancy={s.discrepancy}
      data-reference={s.reference ?? ''}
    >
      <div className="row-head">
        <strong className="mono">{s.reference || s.id}</strong>
        <InboundStatusBadge status={s.status} testId="inbound-status" />
      </div>
      <div className="small muted">
        {t(`gtc.warehouse.${s.warehouse_code}`, { defaultValue: s.warehouse_code })}
        {s.expected_on ? ` · ${t('gtc.receive.expected_on', { date: formatDate(s.expected_on, language) })}` : ''}
        {' · '}
        <span className="mono">{s.id}</span>
      </div>
      {s.received_at ? <div className="small muted">{t('gtc.inbound.received_at', { date: formatDateTime(s.received_at, language) })}</div> : null}
      {s.discrepancy ? (
        <p className="alert alert-warning" data-testid="inbound-discrepancy">
          ⚠ {t('gtc.inbound.discrepancy_help')}
        </p>
      ) : null}
      <ol className="line-cards" data-testid="inbound-shipment-lines">
        {s.lines.map((line) => {
          const title = localised(line.title, language);
          const off = s.status === 'received' && (line.received !== line.announced || (line.rejected ?? 0) > 0);
          return (
            <li
              key={line.line_no}
              className={off ? 'line-card discrepant' : 'line-card'}
              data-testid="inbound-shipment-line"
              data-variant-id={line.variant_id}
              data-sku={line.sku}
              data-discrepant={off}
            >
              <div className="line-title" lang={title.lang}>
                {title.text}
              </div>
              <div className="mono small muted">{line.sku}</div>
              <LineFigures line={line} testIdPrefix="inbound-line" figures={SHIPMENT_FIGURES} />
            </li>
          );
        })}
      </ol>
      <div className="actions">
        {open ? (
          <a href={cartonLabelsHref(s.id)} target="_blank" rel="noopener" className="button" data-testid="inbound-labels">
            {t('gtc.inbound.print_labels')}
          </a>
        ) : null}
        {s.status === 'announced' ? (
          <button type="button" className="primary" disabled={move.isPending} onClick={() => move.mutate('in-transit')} data-testid="inbound-mark-sent">
            {t('gtc.inbound.mark_sent')}
          </button>
        ) : null}
        {open && !confirming ? (
          <button type="button" className="danger-outline" disabled={move.isPending} onClick={() => setConfirming(true)} data-testid="inbound-cancel">
            {t('gtc.inbound.cancel')}
          </button>
        ) : null}
      </div>
      {open && confirming ? (
        <ConfirmStep
          question={t('gtc.inbound.cancel_question')}
          confirmLabel={t('gtc.inbound.cancel_confirm')}
          pending={move.isPending}
          onConfirm={() => move.mutate('cancel')}
          onCancel={() => setConfirming(false)}
          testId="inbound-cancel-step"
        />
      ) : null}
      <ProblemBox error={move.error} testId="inbound-action-error" />
    </li>
  );
}

function ShipmentList({ seller }: { seller: Seller }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: inboundListKey({ seller_id: seller.id }),
    queryFn: () => gtcApi.inbound({ seller_id: seller.id, limit: 100 }),
  });
  const items = list.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="inbound-list-title">
      <div className="card-head wrap">
        <h2 id="inbound-list-title">{t('gtc.inbound.list_title')}</h2>
        <button type="button" onClick={() => void list.refetch()} disabled={list.isFetching} data-testid="inbound-refresh">
          {t('gtc.refresh')}
        </button>
      </div>
      {list.isPending ? <Loading /> : null}
      <ProblemBox error={list.error} testId="inbound-list-error" />
      {list.isSuccess && items.length === 0 ? (
        <p className="muted" data-testid="inbound-empty">
          {t('gtc.inbound.empty')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="rows" data-testid="inbound-list">
          {items.map((s) => (
            <ShipmentCard key={s.id} shipment={s} seller={seller} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Stock per variant and warehouse: on hand, reserved, available (GET /inventory per variant). */
function StockTable({ variants }: { variants: readonly VariantChoice[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const stocks = useQueries({
    queries: variants.map((v) => ({ queryKey: stockKey(v.id), queryFn: () => api.stock(v.id) })),
  });
  return (
    <section className="card" aria-labelledby="inbound-stock-title" data-testid="inbound-stock">
      <h2 id="inbound-stock-title">{t('gtc.inbound.stock_title')}</h2>
      <p className="muted small">{t('stock.intro')}</p>
      {variants.length === 0 ? <p className="muted">{t('gtc.inbound.no_products')}</p> : null}
      {variants.length > 0 ? (
        <div className="table-scroll">
          <table className="gtc-table stock-grid" data-testid="inbound-stock-table">
            <thead>
              <tr>
                <th scope="col">{t('stock.warehouse')}</th>
                <th scope="col" className="num">
                  {t('stock.on_hand')}
                </th>
                <th scope="col" className="num">
                  {t('stock.reserved')}
                </th>
                <th scope="col" className="num">
                  {t('stock.available')}
                </th>
              </tr>
            </thead>
            {variants.map((v, i) => {
              const stock = stocks[i];
              const lines = stock?.data?.items ?? [];
              const title = localised(v.title, language);
              return (
                // One body per variant: its name across the table, then a row per warehouse.
                <tbody key={v.id} data-testid="inbound-stock-variant" data-variant-id={v.id} data-sku={v.sku}>
                  <tr className="stock-variant">
                    <th scope="colgroup" colSpan={4}>
                      <span className="mono">{v.sku}</span>{' '}
                      <span className="muted" lang={title.lang}>
                        {title.text}
                      </span>
                    </th>
                  </tr>
                  {lines.length === 0 ? (
                    <tr data-testid="inbound-stock-row" data-variant-id={v.id} data-sku={v.sku} data-warehouse="">
                      <td colSpan={4} className="muted small">
                        {stock?.isPending ? t('common.loading') : stock?.isError ? t('common.error') : t('stock.none')}
                      </td>
                    </tr>
                  ) : (
                    lines.map((line) => (
                      <tr
                        key={line.warehouse_code}
                        data-testid="inbound-stock-row"
                        data-variant-id={v.id}
                        data-sku={v.sku}
                        data-warehouse={line.warehouse_code}
                      >
                        <td className="mono small" title={t(`gtc.warehouse.${line.warehouse_code}`, { defaultValue: line.warehouse_code })}>
                          {line.warehouse_code}
                        </td>
                        <td className="num" data-testid="inbound-stock-on-hand" data-value={line.on_hand}>
                          {line.on_hand}
                        </td>
                        <td className="num" data-testid="inbound-stock-reserved" data-value={line.reserved}>
                          {line.reserved}
                        </td>
                        <td className="num" data-testid="inbound-stock-available" data-value={line.available}>
                          <strong>{line.available}</strong>
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              );
            })}
          </table>
        </div>
      ) : null}
    </section>
  );
}

function SellerInbound({ seller }: { seller: Seller }) {
  const variants = useSellerVariants(seller.id);
  const [prefill, setPrefill] = useState<{ version: number; lines: { variant_id: string; quantity: number }[] }>({ version: 0, lines: [] });
  if (variants.isPending) return <Loading />;
  if (variants.isError) return <ProblemBox error={variants.error} testId="inbound-products-error" />;
  return (
    <div data-testid="seller-inbound" data-seller-id={seller.id}>
      <AwaitingHub
        seller={seller}
        variants={variants.data}
        onAnnounce={(lines) => {
          setPrefill((p) => ({ version: p.version + 1, lines }));
          document.getElementById('inbound-book')?.scrollIntoView({ block: 'start' });
        }}
      />
      <BookForm key={prefill.version} seller={seller} variants={variants.data} initial={prefill.lines} />
      <ShipmentList seller={seller} />
      <StockTable variants={variants.data} />
    </div>
  );
}

/** /seller/inbound: book stock into a GTC warehouse, follow what the hub counted, and see the stock per warehouse. */
export function SellerInboundPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="seller-inbound-page">
      <div className="page-head">
        <h1>{t('gtc.inbound.title')}</h1>
      </div>
      <p className="muted">{t('gtc.inbound.intro')}</p>
      <SellerScope path="/seller/inbound">{(seller) => <SellerInbound seller={seller} />}</SellerScope>
    </div>
  );
}
