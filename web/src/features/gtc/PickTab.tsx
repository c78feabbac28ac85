import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading, Notice } from '../../components/ui.js';
import { formatDateTime } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { localised } from '../checkout/shared.js';
import { useLanguage } from '../shop/queries.js';
import { type FulfilmentWarehouse, gtcApi, type PickLine, type Wave } from './api.js';
import { ParcelStatusBadge, ProblemBox, wavesKey } from './shared.js';

/** The walk through the warehouse: bin by bin (lines without a bin last), then by SKU. */
export function byBin(lines: readonly PickLine[]): PickLine[] {
  return [...lines].sort((a, b) => {
    if (a.bin_code !== b.bin_code) {
      if (a.bin_code === null) return 1;
      if (b.bin_code === null) return -1;
      return a.bin_code.localeCompare(b.bin_code);
    }
    return a.sku.localeCompare(b.sku);
  });
}

function WaveCard({ wave, open }: { wave: Wave; open: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const units = wave.pick_list.reduce((s, l) => s + l.quantity, 0);
  return (
    <li className="row" data-testid="gtc-wave" data-wave-id={wave.id} data-parcel-count={wave.parcel_count}>
      <details className="gtc-details" open={open}>
        <summary data-testid="gtc-wave-toggle">
          <span className="mono">{wave.id}</span>
          <span className="muted small">{formatDateTime(wave.created_at, language)}</span>
          <span className="small">{t('gtc.pick.wave_figures', { parcels: wave.parcel_count, units })}</span>
          {wave.lane ? <span className="small">{t(`checkout.lane.${wave.lane}`, { defaultValue: wave.lane })}</span> : null}
        </summary>
        <h3>{t('gtc.pick.pick_list')}</h3>
        <div className="table-scroll">
          <table className="gtc-table" data-testid="gtc-pick-list">
            <thead>
              <tr>
                <th scope="col">{t('gtc.bin')}</th>
                <th scope="col">{t('gtc.sku')}</th>
                <th scope="col">{t('gtc.item')}</th>
                <th scope="col" className="num">
                  {t('gtc.quantity')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byBin(wave.pick_list).map((line) => {
                const title = localised(line.title, language);
                return (
                  <tr
                    key={`${line.bin_code ?? ''}-${line.variant_id}`}
                    data-testid="gtc-pick-line"
                    data-bin={line.bin_code ?? ''}
                    data-sku={line.sku}
                    data-quantity={line.quantity}
                  >
                    <th scope="row" className="mono">
                      {line.bin_code ?? '—'}
                    </th>
                    <td className="mono">{line.sku}</td>
                    <td lang={title.lang}>{title.text}</td>
                    <td className="num">
                      <strong>{line.quantity}</strong>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <h3>{t('gtc.pick.parcels')}</h3>
        <ul className="rows" data-testid="gtc-wave-parcels">
          {wave.parcels.map((p) => (
            <li key={p.id} className="row" data-testid="gtc-wave-parcel" data-parcel-id={p.id} data-order-id={p.order_id} data-status={p.status}>
              <div className="row-head">
                <span className="mono">{p.id}</span>
                <ParcelStatusBadge status={p.status} testId="gtc-wave-parcel-status" />
              </div>
              <div className="small muted">
                {t('gtc.order')} <span className="mono">{p.order_id}</span> · {t(`checkout.lane.${p.lane}`, { defaultValue: p.lane })} ·{' '}
                {t('gtc.pick.items', { n: p.lines.reduce((s, l) => s + l.quantity, 0) })}
              </div>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

/** Picking: start a wave of the oldest paid orders whose goods are here, then walk its pick list bin by bin. */
export function PickTab({ warehouse }: { warehouse: FulfilmentWarehouse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const waves = useQuery({ queryKey: wavesKey(warehouse), queryFn: () => gtcApi.waves(warehouse) });
  const start = useMutation({
    mutationFn: () => gtcApi.startWave(warehouse, idempotency.keyFor({ warehouse_code: warehouse })),
    // A refusal (nothing to pick) is settled: a later click asks again with a new key, as new orders may have been paid.
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async (wave) => {
      client.setQueryData(wavesKey(warehouse), (old: { items: Wave[] } | undefined) => ({
        items: [wave, ...(old?.items ?? []).filter((w) => w.id !== wave.id)],
      }));
      await Promise.all([client.invalidateQueries({ queryKey: wavesKey(warehouse) }), client.invalidateQueries({ queryKey: ['gtc', 'parcels'] })]);
    },
  });
  const items = waves.data?.items ?? [];
  return (
    <div data-testid="gtc-pick">
      <section className="card" aria-labelledby="gtc-pick-title">
        <h2 id="gtc-pick-title">{t('gtc.pick.title')}</h2>
        <p className="muted small">{t('gtc.pick.intro')}</p>
        <button type="button" className="primary block" disabled={start.isPending} onClick={() => start.mutate()} data-testid="gtc-start-wave">
          {t('gtc.pick.start_wave')}
        </button>
        <div aria-live="polite">
          {start.isSuccess ? (
            <Notice kind="success" testId="gtc-wave-started">
              {t('gtc.pick.started', { id: start.data.id, n: start.data.parcel_count })}
            </Notice>
          ) : null}
          <ProblemBox error={start.error} testId="gtc-wave-error" />
        </div>
      </section>
      <section className="card" aria-labelledby="gtc-waves-title">
        <div className="card-head wrap">
          <h2 id="gtc-waves-title">{t('gtc.pick.recent')}</h2>
          <button type="button" onClick={() => void waves.refetch()} disabled={waves.isFetching} data-testid="gtc-waves-refresh">
            {t('gtc.refresh')}
          </button>
        </div>
        {waves.isPending ? <Loading /> : null}
        <ProblemBox error={waves.error} testId="gtc-waves-error" />
        {waves.isSuccess && items.length === 0 ? (
          <p className="muted" data-testid="gtc-waves-empty">
            {t('gtc.pick.none')}
          </p>
        ) : null}
        {items.length > 0 ? (
          <ul className="rows" data-testid="gtc-waves">
            {items.map((wave, i) => (
              <WaveCard key={wave.id} wave={wave} open={i === 0} />
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
