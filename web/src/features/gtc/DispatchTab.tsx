import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, Notice } from '../../components/ui.js';
import { formatDateTime } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { Amount } from '../checkout/shared.js';
import { useSandboxOn } from '../sandbox/MailPage.js';
import { useLanguage } from '../shop/queries.js';
import { type Consignment, type ExportDeclaration, type FulfilmentWarehouse, gtcApi, LANES, type Lane, type Parcel } from './api.js';
import { CarrierSandbox } from './CarrierSandbox.js';
import { CONSIGNMENTS_KEY, formatGrams, formatKilograms, ParcelStatusBadge, ProblemBox, parcelsKey, useFormKey } from './shared.js';

function laneName(t: (key: string, options?: Record<string, unknown>) => string, lane: string): string {
  return t(`checkout.lane.${lane}`, { defaultValue: lane });
}

/** Packed parcels of one lane, and the button that puts them under one master waybill. */
function LaneGroup({
  warehouse,
  lane,
  parcels,
  onConsolidated,
}: {
  warehouse: FulfilmentWarehouse;
  lane: Lane;
  parcels: readonly Parcel[];
  onConsolidated: (made: Consignment) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const consolidate = useMutation({
    mutationFn: () => gtcApi.consolidate(warehouse, lane, idempotency.keyFor({ warehouse_code: warehouse, lane })),
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async (made) => {
      onConsolidated(made);
      client.setQueryData(CONSIGNMENTS_KEY, (old: { items: Consignment[] } | undefined) => ({
        items: [made, ...(old?.items ?? []).filter((c) => c.id !== made.id)],
      }));
      await Promise.all([client.invalidateQueries({ queryKey: ['gtc', 'parcels'] }), client.invalidateQueries({ queryKey: CONSIGNMENTS_KEY })]);
    },
  });
  const weight = parcels.reduce((s, p) => s + (p.weight_g ?? 0), 0);
  return (
    <div className="lane-group" data-testid="gtc-lane" data-lane={lane} data-parcel-count={parcels.length}>
      <div className="card-head wrap">
        <h3>{laneName(t, lane)}</h3>
        <span className="small muted">{t('gtc.dispatch.lane_figures', { n: parcels.length, weight: formatKilograms(weight, language) })}</span>
      </div>
      <ul className="line-lines">
        {parcels.map((p) => (
          <li key={p.id} data-testid="gtc-lane-parcel" data-parcel-id={p.id} data-tracking={p.tracking_no ?? ''}>
            <span className="mono">{p.tracking_no ?? p.id}</span> · {p.weight_g !== null ? formatGrams(p.weight_g, language) : '—'}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="primary block"
        disabled={consolidate.isPending || parcels.length === 0}
        onClick={() => consolidate.mutate()}
        data-testid="gtc-consolidate"
        data-lane={lane}
      >
        {t('gtc.dispatch.consolidate')}
      </button>
      <div aria-live="polite">
        <ProblemBox error={consolidate.error} testId="gtc-consolidate-error" />
      </div>
    </div>
  );
}

function PackedByLane({ warehouse }: { warehouse: FulfilmentWarehouse }) {
  const { t } = useTranslation();
  // Kept here, not in the lane: once consolidated, the lane has no packed parcels left and leaves the screen.
  const [made, setMade] = useState<Consignment | null>(null);
  const packed = useQuery({
    queryKey: parcelsKey(warehouse, 'packed'),
    queryFn: () => gtcApi.parcels({ warehouse_code: warehouse, status: 'packed', limit: 200 }),
  });
  const items = packed.data?.items ?? [];
  const byLane = new Map<Lane, Parcel[]>();
  for (const p of items) {
    const lane = p.lane as Lane;
    byLane.set(lane, [...(byLane.get(lane) ?? []), p]);
  }
  const lanes = [...byLane.keys()].sort((a, b) => LANES.indexOf(a) - LANES.indexOf(b));
  return (
    <section className="card" aria-labelledby="gtc-packed-title" data-testid="gtc-packed-lanes">
      <div className="card-head wrap">
        <h2 id="gtc-packed-title">{t('gtc.dispatch.packed_title', { n: items.length })}</h2>
        <button type="button" onClick={() => void packed.refetch()} disabled={packed.isFetching} data-testid="gtc-packed-refresh">
          {t('gtc.refresh')}
        </button>
      </div>
      {packed.isPending ? <Loading /> : null}
      <ProblemBox error={packed.error} testId="gtc-packed-error" />
      {packed.isSuccess && items.length === 0 ? (
        <p className="muted" data-testid="gtc-packed-empty">
          {t('gtc.dispatch.none_packed')}
        </p>
      ) : null}
      <div aria-live="polite">
        {made ? (
          <Notice kind="success" testId="gtc-consolidated">
            {t('gtc.dispatch.consolidated', { mwb: made.master_waybill, n: made.parcel_count })}
          </Notice>
        ) : null}
      </div>
      {lanes.map((lane) => (
        <LaneGroup key={lane} warehouse={warehouse} lane={lane} parcels={byLane.get(lane) ?? []} onConsolidated={setMade} />
      ))}
    </section>
  );
}

/** Thai export declaration data (customs form 101/1) of a dispatched consignment: invoice, FOB in baht, lines by HS code. */
function ExportData({ data }: { data: ExportDeclaration }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div data-testid="gtc-export" data-invoice={data.invoice_no} data-fob-minor={data.fob_minor}>
      <h4>{t('gtc.dispatch.export_title')}</h4>
      <dl className="facts">
        <div>
          <dt>{t('gtc.dispatch.invoice_no')}</dt>
          <dd className="mono" data-testid="gtc-export-invoice">
            {data.invoice_no}
          </dd>
        </div>
        <div>
          <dt>{t('gtc.dispatch.fob')}</dt>
          <dd>
            <Amount money={{ amount_minor: data.fob_minor, currency: data.currency }} testId="gtc-export-fob" />
          </dd>
        </div>
        <div>
          <dt>{t('gtc.dispatch.exporter')}</dt>
          <dd>
            {data.exporter.name} <span className="mono small">({data.exporter.tax_id})</span>
          </dd>
        </div>
        <div>
          <dt>{t('gtc.dispatch.destination')}</dt>
          <dd data-testid="gtc-export-destination">{data.destination_country}</dd>
        </div>
        <div>
          <dt>{t('gtc.dispatch.packing')}</dt>
          <dd>{t('gtc.dispatch.packing_figures', { n: data.packing.parcels, weight: formatKilograms(data.packing.gross_weight_g, language) })}</dd>
        </div>
      </dl>
      {data.foreign_transaction_form_required ? (
        <Notice kind="warning" testId="gtc-export-ftf">
          {t('gtc.dispatch.ftf_required')}
        </Notice>
      ) : null}
      <div className="table-scroll">
        <table className="gtc-table" data-testid="gtc-export-lines">
          <thead>
            <tr>
              <th scope="col">{t('gtc.dispatch.hs_code')}</th>
              <th scope="col">{t('gtc.dispatch.description')}</th>
              <th scope="col" className="num">
                {t('gtc.quantity')}
              </th>
              <th scope="col" className="num">
                {t('gtc.dispatch.value')}
              </th>
              <th scope="col" className="num">
                {t('gtc.dispatch.net_weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.lines.map((l) => (
              <tr key={l.hs_code} data-testid="gtc-export-line" data-hs={l.hs_code} data-value-minor={l.value_minor} data-quantity={l.quantity}>
                <th scope="row" className="mono">
                  {l.hs_code}
                </th>
                <td lang="en">{l.description}</td>
                <td className="num">{l.quantity}</td>
                <td className="num">
                  <Amount money={{ amount_minor: l.value_minor, currency: data.currency }} />
                </td>
                <td className="num">{formatGrams(l.net_weight_g, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ConsignmentCard({ consignment: c, sandbox }: { consignment: Consignment; sandbox: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const formKey = useFormKey();
  const dispatch = useMutation({
    // One key for this consignment while it is on screen: a second click replays the first answer.
    mutationFn: () => gtcApi.dispatch(c.id, formKey({ dispatch: c.id })),
    onSuccess: async (sent) => {
      client.setQueryData(CONSIGNMENTS_KEY, (old: { items: Consignment[] } | undefined) => ({
        items: (old?.items ?? [sent]).map((x) => (x.id === sent.id ? sent : x)),
      }));
      await Promise.all([client.invalidateQueries({ queryKey: CONSIGNMENTS_KEY }), client.invalidateQueries({ queryKey: ['gtc', 'parcels'] })]);
    },
  });
  return (
    <li className="row" data-testid="gtc-consignment" data-consignment-id={c.id} data-status={c.status} data-lane={c.lane} data-mwb={c.master_waybill}>
      <div className="row-head">
        <strong className="mono" data-testid="gtc-consignment-mwb">
          {c.master_waybill}
        </strong>
        <span className={`badge gtc-badge gtc-badge-${c.status}`} data-testid="gtc-consignment-status" data-status={c.status}>
          {t(`gtc.consignment_status.${c.status}`)}
        </span>
      </div>
      <dl className="figures">
        <div>
          <dt>{t('gtc.dispatch.lane')}</dt>
          <dd>{laneName(t, c.lane)}</dd>
        </div>
        <div>
          <dt>{t('gtc.dispatch.parcels')}</dt>
          <dd data-testid="gtc-consignment-parcels" data-value={c.parcel_count}>
            {c.parcel_count}
          </dd>
        </div>
        <div>
          <dt>{t('gtc.dispatch.gross_weight')}</dt>
          <dd data-testid="gtc-consignment-weight" data-value={c.gross_weight_g}>
            {formatKilograms(c.gross_weight_g, language)}
          </dd>
        </div>
      </dl>
      <p className="small muted">
        {t('gtc.dispatch.carrier')}: <span className="mono">{c.carrier}</span>
        {c.carrier_ref ? (
          <>
            {' '}
            · {t('gtc.dispatch.carrier_ref')}:{' '}
            <span className="mono" data-testid="gtc-consignment-carrier-ref">
              {c.carrier_ref}
            </span>
          </>
        ) : null}
        {' · '}
        {formatDateTime(c.dispatched_at ?? c.created_at, language)}
      </p>
      <details className="gtc-details">
        <summary data-testid="gtc-consignment-parcels-toggle">{t('gtc.dispatch.show_parcels', { n: c.parcels.length })}</summary>
        <ul className="line-lines">
          {c.parcels.map((p) => (
            <li key={p.id} data-testid="gtc-consignment-parcel" data-parcel-id={p.id}>
              <span className="mono">{p.tracking_no ?? p.id}</span> <ParcelStatusBadge status={p.status} testId="gtc-consignment-parcel-status" />
            </li>
          ))}
        </ul>
      </details>
      {c.status === 'open' ? (
        <button type="button" className="primary block" disabled={dispatch.isPending} onClick={() => dispatch.mutate()} data-testid="gtc-dispatch">
          {t('gtc.dispatch.dispatch')}
        </button>
      ) : null}
      {dispatch.isSuccess ? (
        <Notice kind="success" testId="gtc-dispatched">
          {t('gtc.dispatch.dispatched', { ref: dispatch.data.carrier_ref ?? '' })}
        </Notice>
      ) : null}
      <ProblemBox error={dispatch.error} testId="gtc-dispatch-error" />
      {sandbox && c.status === 'dispatched' ? <CarrierSandbox consignment={c} /> : null}
      {c.export_declaration ? <ExportData data={c.export_declaration} /> : null}
    </li>
  );
}

function Consignments({ warehouse }: { warehouse: FulfilmentWarehouse }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: CONSIGNMENTS_KEY, queryFn: gtcApi.consignments });
  const sandbox = useSandboxOn();
  const items = (list.data?.items ?? []).filter((c) => c.warehouse_code === warehouse);
  return (
    <section className="card" aria-labelledby="gtc-consignments-title" data-testid="gtc-consignments-card">
      <div className="card-head wrap">
        <h2 id="gtc-consignments-title">{t('gtc.dispatch.consignments')}</h2>
        <button type="button" onClick={() => void list.refetch()} disabled={list.isFetching} data-testid="gtc-consignments-refresh">
          {t('gtc.refresh')}
        </button>
      </div>
      {list.isPending ? <Loading /> : null}
      <ProblemBox error={list.error} testId="gtc-consignments-error" />
      {list.isSuccess && items.length === 0 ? (
        <p className="muted" data-testid="gtc-consignments-empty">
          {t('gtc.dispatch.no_consignments')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="rows" data-testid="gtc-consignments">
          {items.map((c) => (
            <ConsignmentCard key={c.id} consignment={c} sandbox={sandbox} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Dispatch: consolidate packed parcels by lane under a master waybill, then hand each consignment to its carrier. */
export function DispatchTab({ warehouse }: { warehouse: FulfilmentWarehouse }) {
  return (
    <div data-testid="gtc-dispatch-tab">
      <PackedByLane warehouse={warehouse} />
      <Consignments warehouse={warehouse} />
    </div>
  );
}
