import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Product, type StockAdjustment, type StockLine, type Variant, WAREHOUSE_CODES, type WarehouseCode } from '../../api.js';
import { ErrorBox, Field, FieldError, Loading, Notice } from '../../components/ui.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { parseWhole } from './money.js';
import { stockKey } from './shared.js';

type Direction = 'in' | 'out';

/** One variant's stock per warehouse and a form to adjust it (POST /inventory/adjustments). */
function VariantStock({ variant }: { variant: Variant }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const stock = useQuery({ queryKey: stockKey(variant.id), queryFn: () => api.stock(variant.id) });
  const [warehouse, setWarehouse] = useState<WarehouseCode>('GTC-BKK');
  const [direction, setDirection] = useState<Direction>('in');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState<StockLine | null>(null);

  const adjust = useMutation({
    mutationFn: (body: StockAdjustment) => api.adjustStock(body, idempotency.keyFor(body)),
    onSettled: (_data, error) => idempotency.settle(error ?? undefined),
    onSuccess: async (line) => {
      setDone(line);
      setQuantity('');
      setReason('');
      setTouched(false);
      await client.invalidateQueries({ queryKey: stockKey(variant.id) });
    },
  });
  const serverErrors = adjust.error instanceof ApiError ? adjust.error.fieldErrors() : {};
  const amount = parseWhole(quantity);
  const quantityError = serverErrors.delta ?? (touched && (amount === undefined || amount === 0) ? t('stock.quantity_invalid') : undefined);
  const reasonError = serverErrors.reason ?? (touched && !reason.trim() ? t('catalogue.required') : undefined);
  const idFor = (name: string) => `stock-${name}-${variant.id}`;

  const change = (apply: () => void) => {
    apply();
    setDone(null);
    if (adjust.isError) adjust.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (amount === undefined || amount === 0 || !reason.trim()) return;
    adjust.mutate({ variant_id: variant.id, warehouse_code: warehouse, delta: direction === 'in' ? amount : -amount, reason: reason.trim() });
  };

  const lines = stock.data?.items ?? [];
  const available = lines.reduce((sum, line) => sum + line.available, 0);
  const placed = new Set(['delta', 'reason', 'warehouse_code']);
  const unplaced = adjust.error && !Object.keys(serverErrors).some((p) => placed.has(p));

  return (
    <div className="variant-stock" data-testid="variant-stock" data-variant-id={variant.id} data-sku={variant.sku}>
      <div className="card-head">
        <h3 className="mono">{variant.sku}</h3>
        <span className="stock-total">
          {t('stock.available')}{' '}
          <strong data-testid="stock-available" data-value={stock.isSuccess ? available : undefined}>
            {stock.isSuccess ? available : '…'}
          </strong>
        </span>
      </div>
      {stock.isPending ? <Loading /> : null}
      {stock.isError ? <ErrorBox error={stock.error} /> : null}
      {stock.isSuccess && lines.length === 0 ? <p className="muted small">{t('stock.none')}</p> : null}
      {lines.length > 0 ? (
        <table className="stock-table" data-testid="stock-lines">
          <thead>
            <tr>
              <th scope="col">{t('stock.warehouse')}</th>
              <th scope="col">{t('stock.on_hand')}</th>
              <th scope="col">{t('stock.reserved')}</th>
              <th scope="col">{t('stock.available')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.warehouse_code} data-testid="stock-line" data-warehouse={line.warehouse_code}>
                <th scope="row">{t(`stock.warehouses.${line.warehouse_code}`, { defaultValue: line.warehouse_code })}</th>
                <td>{line.on_hand}</td>
                <td>{line.reserved}</td>
                <td data-testid="stock-line-available">{line.available}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <form onSubmit={submit} noValidate className="stock-form" data-testid="stock-form">
        <Field
          label={t('stock.warehouse')}
          htmlFor={idFor('warehouse')}
          error={serverErrors.warehouse_code}
          errorPath="warehouse_code"
          errorId={idFor('error-warehouse')}
        >
          <select
            id={idFor('warehouse')}
            value={warehouse}
            onChange={(e) => change(() => setWarehouse(e.target.value as WarehouseCode))}
            data-testid="stock-warehouse"
          >
            {WAREHOUSE_CODES.map((code) => (
              <option key={code} value={code}>
                {t(`stock.warehouses.${code}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="segmented" role="radiogroup" aria-label={t('stock.direction')}>
          {(['in', 'out'] as const).map((d) => (
            <label key={d} className={direction === d ? 'segment active' : 'segment'}>
              <input
                type="radio"
                name={idFor('direction')}
                value={d}
                checked={direction === d}
                onChange={() => change(() => setDirection(d))}
                data-testid={`stock-direction-${d}`}
              />
              {t(`stock.direction_${d}`)}
            </label>
          ))}
        </div>
        <Field label={t('stock.quantity')} htmlFor={idFor('quantity')} error={quantityError} errorPath="delta" errorId={idFor('error-delta')}>
          <input
            id={idFor('quantity')}
            inputMode="numeric"
            autoComplete="off"
            value={quantity}
            onChange={(e) => change(() => setQuantity(e.target.value))}
            aria-invalid={quantityError ? true : undefined}
            aria-describedby={idFor('error-delta')}
            data-testid="stock-quantity"
          />
        </Field>
        <Field
          label={t('stock.reason')}
          htmlFor={idFor('reason')}
          hint={t('stock.reason_hint')}
          error={reasonError}
          errorPath="reason"
          errorId={idFor('error-reason')}
        >
          <input
            id={idFor('reason')}
            autoComplete="off"
            value={reason}
            onChange={(e) => change(() => setReason(e.target.value))}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={idFor('error-reason')}
            data-testid="stock-reason"
          />
        </Field>
        {unplaced ? <ErrorBox error={adjust.error} testId="stock-error" /> : null}
        {done ? (
          <Notice kind="success" testId="stock-done">
            {t('stock.done', { warehouse: t(`stock.warehouses.${done.warehouse_code}`, { defaultValue: done.warehouse_code }), available: done.available })}
          </Notice>
        ) : null}
        <button type="submit" className="primary block" disabled={adjust.isPending} data-testid="stock-submit">
          {t('stock.submit')}
        </button>
        <FieldError path="variant_id" message={serverErrors.variant_id} id={idFor('error-variant')} />
      </form>
    </div>
  );
}

/** Stock of every saved variant of the product. */
export function StockPanel({ product }: { product: Product }) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="stock" aria-labelledby="stock-title">
      <h2 id="stock-title">{t('stock.title')}</h2>
      <p className="muted small">{t('stock.intro')}</p>
      {product.variants.map((variant) => (
        <VariantStock key={variant.id} variant={variant} />
      ))}
    </section>
  );
}
