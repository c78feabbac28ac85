import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { useErrorMessage } from '../../components/ui.js';
import { intlLocale, type Language } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { FULFILMENT_WAREHOUSES, type FulfilmentWarehouse, type InboundLine, type InboundStatus, type ParcelStatus } from './api.js';
import './gtc.css';

export const GTC_KEY = ['gtc'] as const;
export const inboundListKey = (scope: { seller_id?: string; warehouse_code?: string }) => ['gtc', 'inbound', 'list', scope] as const;
export const inboundKey = (id: string) => ['gtc', 'inbound', 'one', id] as const;
export const wavesKey = (warehouse: string) => ['gtc', 'waves', warehouse] as const;
export const parcelsKey = (warehouse: string, status: ParcelStatus) => ['gtc', 'parcels', warehouse, status] as const;
export const CONSIGNMENTS_KEY = ['gtc', 'consignments'] as const;

/**
 * The Idempotency-Key of a form: one per body for as long as the form is on screen, so that a second click (or a retry
 * after a lost answer) replays the first answer instead of acting twice; a changed body (a corrected field) gets a new key,
 * as the server refuses one key for two bodies.
 */
export function useFormKey(): (body: unknown) => string {
  const idempotency = useIdempotencyKey();
  return (body) => idempotency.keyFor(body);
}

/** Grams as the UI locale writes them: 1250 → "1,250 g" (th: "1,250 ก."). */
export function formatGrams(grams: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit: 'gram', unitDisplay: 'short' }).format(grams);
}

/** Grams as kilograms with up to three decimals: 12345 → "12.345 kg". */
export function formatKilograms(grams: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit: 'kilogram', unitDisplay: 'short', maximumFractionDigits: 3 }).format(grams / 1000);
}

/** The message of a failed call, unless it is shown at a field: a problem whose field errors all have a place on the form. */
export function unplacedError(error: unknown, placed: (path: string) => boolean): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = error.problem.errors;
  return errors.length > 0 && errors.every((e) => placed(e.path)) ? null : error;
}

/** A field's message (the server's, or the form's own check), always rendered so tests and screen readers find it at the field. */
export function FieldMessage({ id, path, message, testId }: { id: string; path: string; message: string | undefined; testId: string }) {
  return (
    <p className="field-error" id={id} data-error-for={path} data-testid={testId} aria-live="polite">
      {message ?? ''}
    </p>
  );
}

/** An error box with its own test id (the shared ErrorBox names every box `form-error` unless told). */
export function ProblemBox({ error, testId }: { error: unknown; testId: string }) {
  const message = useErrorMessage();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'error';
  return (
    <p className="alert alert-error" role="alert" data-testid={testId} data-code={code}>
      {message(error)}
    </p>
  );
}

export function WarehouseSelect({
  id,
  value,
  onChange,
  testId,
  label,
}: {
  id: string;
  value: FulfilmentWarehouse;
  onChange: (code: FulfilmentWarehouse) => void;
  testId: string;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('gtc.warehouse_label')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as FulfilmentWarehouse)} data-testid={testId}>
        {FULFILMENT_WAREHOUSES.map((code) => (
          <option key={code} value={code}>
            {t(`gtc.warehouse.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function InboundStatusBadge({ status, testId = 'inbound-status' }: { status: InboundStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge gtc-badge gtc-badge-${status}`} data-testid={testId} data-status={status}>
      {t(`gtc.inbound_status.${status}`)}
    </span>
  );
}

export function ParcelStatusBadge({ status, testId = 'parcel-status' }: { status: ParcelStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge gtc-badge gtc-badge-${status}`} data-testid={testId} data-status={status}>
      {t(`gtc.parcel_status.${status}`)}
    </span>
  );
}

/** A number in a small table cell: "—" while the hub has not counted it. */
export function Count({ value, testId }: { value: number | null; testId: string }) {
  return (
    <span className="num" data-testid={testId} data-value={value ?? ''}>
      {value ?? '—'}
    </span>
  );
}

export type LineFigure = 'announced' | 'cartons' | 'received' | 'accepted' | 'rejected' | 'reason' | 'bin';

const FIGURE_LABEL: Record<LineFigure, string> = {
  announced: 'gtc.announced',
  cartons: 'gtc.cartons',
  received: 'gtc.received',
  accepted: 'gtc.accepted',
  rejected: 'gtc.rejected',
  reason: 'gtc.reason_label',
  bin: 'gtc.bin',
};

/** An inbound line's figures, in the order given; each value's test id is `${testIdPrefix}-${figure}`. */
export function LineFigures({ line, testIdPrefix, figures }: { line: InboundLine; testIdPrefix: string; figures: readonly LineFigure[] }) {
  const { t } = useTranslation();
  const value = (figure: LineFigure) => {
    const testId = `${testIdPrefix}-${figure}`;
    if (figure === 'reason') {
      return (
        <dd data-testid={testId} data-value={line.reason ?? ''}>
          {line.reason ? t(`gtc.reason.${line.reason}`) : '—'}
        </dd>
      );
    }
    if (figure === 'bin') {
      return (
        <dd className="mono" data-testid={testId} data-value={line.bin_code ?? ''}>
          {line.bin_code ?? '—'}
        </dd>
      );
    }
    return (
      <dd>
        <Count value={line[figure]} testId={testId} />
      </dd>
    );
  };
  return (
    <dl className="figures">
      {figures.map((figure) => (
        <div key={figure}>
          <dt>{t(FIGURE_LABEL[figure])}</dt>
          {value(figure)}
        </div>
      ))}
    </dl>
  );
}
