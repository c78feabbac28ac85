import { type UseQueryResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, Notice } from '../../components/ui.js';
import { formatDateTime } from '../../i18n/index.js';
import { shopApi } from '../checkout/api.js';
import { settleApi, trackingKey } from '../orders/settleApi.js';
import { OrderStatusBadge, orderKey } from '../orders/shared.js';
import { useLanguage } from '../shop/queries.js';
import { type CarrierEventAnswer, type Consignment, gtcApi, type Parcel, type TrackingCode } from './api.js';
import { CONSIGNMENTS_KEY, ParcelStatusBadge, ProblemBox } from './shared.js';

/** Below CONSIGNMENTS_KEY, so that refreshing the list refreshes the open panels too. */
const consignmentKey = (id: string) => ['gtc', 'consignments', 'one', id] as const;

/** Rows listed at once: a consignment may hold hundreds of parcels; the find field narrows them down. */
const ROWS_SHOWN_MAX = 20;

/**
 * What a carrier usually reports, in order: a Thai parcel crosses no border. Only the order of the buttons and the one
 * suggested next; the server takes any event and decides what it changes.
 */
const ROUTE_DOMESTIC: readonly TrackingCode[] = ['picked_up', 'departed_hub', 'out_for_delivery', 'delivered'];
const ROUTE_ABROAD: readonly TrackingCode[] = ['picked_up', 'departed_hub', 'at_border', 'in_customs', 'cleared', 'out_for_delivery', 'delivered'];
const MISHAPS: readonly TrackingCode[] = ['failed_delivery', 'returned', 'lost'];
const JOURNEY_ENDED: ReadonlySet<Parcel['status']> = new Set(['delivered', 'returned', 'lost']);

function routeOf(parcel: Parcel): readonly TrackingCode[] {
  return parcel.market === 'TH' ? ROUTE_DOMESTIC : ROUTE_ABROAD;
}

/** The step after the furthest one reached (a failed delivery does not undo "out for delivery"); none once the journey ended. */
function nextStep(parcel: Parcel, reached: ReadonlySet<string>): TrackingCode | undefined {
  if (JOURNEY_ENDED.has(parcel.status)) return undefined;
  const route = routeOf(parcel);
  let furthest = -1;
  route.forEach((code, i) => {
    if (reached.has(code)) furthest = i;
  });
  return route[furthest + 1];
}

function matches(parcel: Parcel, query: string): boolean {
  const q = query.trim().toUpperCase();
  return q === '' || (parcel.tracking_no ?? '').toUpperCase().includes(q) || parcel.id.toUpperCase().includes(q);
}

function LastEvent({ code, testId }: { code: string | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className="small" data-testid={testId} data-code={code ?? ''}>
      {code ? t(`gtc.carrier.event.${code}`, { defaultValue: code }) : <span className="muted">{t('gtc.carrier.no_events')}</span>}
    </span>
  );
}

/** The consignment's parcels as buttons (a scanner's Enter or a tap chooses one), narrowed by the find field. */
function ParcelRows({
  parcels,
  query,
  selected,
  onSelect,
}: {
  parcels: readonly Parcel[];
  query: string;
  selected: string | undefined;
  onSelect: (p: Parcel) => void;
}) {
  const { t } = useTranslation();
  const found = parcels.filter((p) => matches(p, query));
  const shown = found.slice(0, ROWS_SHOWN_MAX);
  return (
    <>
      {found.length > shown.length ? <p className="small muted">{t('gtc.carrier.shown_of', { shown: shown.length, n: found.length })}</p> : null}
      {found.length === 0 ? (
        <p className="small muted" data-testid="gtc-carrier-no-match">
          {t('gtc.carrier.no_match', { code: query.trim() })}
        </p>
      ) : null}
      <ul className="pick-rows" data-testid="gtc-carrier-parcels">
        {shown.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={p.id === selected ? 'pick-row selected' : 'pick-row'}
              aria-pressed={p.id === selected}
              onClick={() => onSelect(p)}
              data-testid="gtc-carrier-parcel"
              data-parcel-id={p.id}
              data-tracking={p.tracking_no ?? ''}
              data-status={p.status}
              data-tracking-status={p.tracking_status ?? ''}
            >
              <span className="row-head">
                <strong className="mono">{p.tracking_no ?? p.id}</strong>
                <ParcelStatusBadge status={p.status} testId="gtc-carrier-parcel-status" />
              </span>
              <span className="meta">
                <LastEvent code={p.tracking_status} testId="gtc-carrier-parcel-last" /> · {t('gtc.order')} <span className="mono">{p.order_id}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The find field: a scanned waybill number (or parcel id) and Enter choose the parcel; typing narrows the list. */
function ParcelFind({
  consignmentId,
  query,
  onQuery,
  onFind,
}: {
  consignmentId: string;
  query: string;
  onQuery: (q: string) => void;
  onFind: (code: string) => boolean;
}) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState<string | null>(null);
  const id = `gtc-carrier-find-${consignmentId}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = query.trim();
    if (!code) return;
    const found = onFind(code);
    setMissing(found ? null : code);
    if (found) onQuery('');
  };
  return (
    <form className="gtc-scan carrier-find" onSubmit={submit} data-testid="gtc-carrier-find-form">
      <label htmlFor={id}>{t('gtc.carrier.find_label')}</label>
      <div className="scan-row">
        <input
          id={id}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          aria-describedby={`${id}-hint`}
          data-testid="gtc-carrier-find"
        />
        <button type="submit" className="primary" data-testid="gtc-carrier-find-submit">
          {t('gtc.scan_submit')}
        </button>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {t('gtc.carrier.find_hint')}
      </p>
      <div aria-live="polite">
        {missing ? (
          <p className="alert alert-error" data-testid="gtc-carrier-find-error" data-code={missing}>
            {t('gtc.carrier.not_found', { code: missing })}
          </p>
        ) : null}
      </div>
    </form>
  );
}

type Tracking = Awaited<ReturnType<typeof settleApi.tracking>>;

/** The parcel's events so far, as the carrier reported them (GET /orders/{id}/tracking), oldest first. */
function Timeline({ tracking }: { tracking: UseQueryResult<Tracking> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const events = tracking.data?.events ?? [];
  return (
    <div className="carrier-timeline">
      <h4>{t('gtc.carrier.timeline_title')}</h4>
      {tracking.isPending ? <Loading /> : null}
      <ProblemBox error={tracking.error} testId="gtc-carrier-timeline-error" />
      {tracking.isSuccess && events.length === 0 ? <p className="small muted">{t('gtc.carrier.no_events')}</p> : null}
      {events.length > 0 ? (
        <ol className="carrier-events" data-testid="gtc-carrier-timeline">
          {events.map((e) => (
            <li key={`${e.occurred_at}-${e.code}-${e.location ?? ''}`} data-testid="gtc-carrier-timeline-event" data-code={e.code} data-late={e.late}>
              <span>{t(`gtc.carrier.event.${e.code}`, { defaultValue: e.code })}</span>
              <time className="small muted" dateTime={e.occurred_at}>
                {formatDateTime(e.occurred_at, language)}
              </time>
              {e.late ? <span className="small muted">{t('gtc.carrier.late')}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

function OutcomeNotice({ answer, code, tracking }: { answer: CarrierEventAnswer; code: TrackingCode; tracking: string }) {
  const { t } = useTranslation();
  const outcome = t(`gtc.carrier.outcome.${answer.outcome}`, { defaultValue: answer.outcome });
  return (
    <Notice kind={answer.outcome === 'applied' ? 'success' : 'warning'} testId="gtc-carrier-result">
      <span data-outcome={answer.outcome} data-code={code}>
        {t('gtc.carrier.sent', { event: t(`gtc.carrier.event.${code}`), tracking, outcome })}
      </span>
    </Notice>
  );
}

type StepState = 'done' | 'next' | 'later' | 'mishap';

/** One event to send: done ones ticked, the suggested next one filled in (and the focus's place), mishaps in red. */
function EventButton({
  code,
  state,
  busy,
  onSend,
  buttonRef,
}: {
  code: TrackingCode;
  state: StepState;
  busy: boolean;
  onSend: (code: TrackingCode) => void;
  buttonRef: RefObject<HTMLButtonElement | null> | undefined;
}) {
  const { t } = useTranslation();
  const look = state === 'next' ? ' primary' : state === 'mishap' ? ' danger-outline' : '';
  return (
    <li>
      <button
        type="button"
        ref={buttonRef}
        className={`block carrier-step carrier-step-${state}${look}`}
        disabled={busy}
        onClick={() => onSend(code)}
        data-testid="gtc-carrier-event"
        data-code={code}
        data-state={state}
      >
        <span>
          {state === 'done' ? <span aria-hidden="true">✓ </span> : null}
          {t(`gtc.carrier.event.${code}`)}
        </span>
        {state === 'next' ? <span className="carrier-next-tag">{t('gtc.carrier.next')}</span> : null}
      </button>
    </li>
  );
}

/** One parcel: its order's status, the events to send (the suggested next one first in line for Enter), the answer, the timeline. */
function ParcelEvents({ parcel, follow }: { parcel: Parcel; follow: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const nextRef = useRef<HTMLButtonElement>(null);
  const order = useQuery({ queryKey: orderKey(parcel.order_id), queryFn: () => shopApi.order(parcel.order_id) });
  const tracking = useQuery({ queryKey: trackingKey(parcel.order_id), queryFn: () => settleApi.tracking(parcel.order_id) });
  const reached = new Set<string>(tracking.data ? tracking.data.events.map((e) => e.code) : parcel.tracking_status ? [parcel.tracking_status] : []);
  // Answers so far: after each, the focus goes to the next step (a scanner's or keyboard's Enter sends it).
  const [answered, setAnswered] = useState(0);
  const next = nextStep(parcel, reached);
  const send = useMutation({
    mutationFn: (code: TrackingCode) => gtcApi.sandboxCarrierEvent(parcel.id, code),
    onSettled: async () => {
      setAnswered((n) => n + 1);
      await Promise.all([
        client.invalidateQueries({ queryKey: CONSIGNMENTS_KEY }),
        client.invalidateQueries({ queryKey: ['gtc', 'parcels'] }),
        client.invalidateQueries({ queryKey: orderKey(parcel.order_id) }),
      ]);
    },
  });
  // Keyboard and scanner: once a parcel is chosen or an event answered, Enter sends the next step.
  useEffect(() => {
    if (next !== undefined && (follow > 0 || answered > 0) && !send.isPending) nextRef.current?.focus();
  }, [follow, answered, next, send.isPending]);
  const button = (code: TrackingCode, state: StepState) => (
    <EventButton key={code} code={code} state={state} busy={send.isPending} onSend={send.mutate} buttonRef={state === 'next' ? nextRef : undefined} />
  );
  return (
    <div
      className="carrier-parcel"
      data-testid="gtc-carrier-selected"
      data-parcel-id={parcel.id}
      data-status={parcel.status}
      data-tracking-status={parcel.tracking_status ?? ''}
      data-order-status={order.data?.status ?? ''}
      data-next={next ?? ''}
    >
      <div className="row-head wrap">
        <strong className="mono tracking-small">{parcel.tracking_no ?? parcel.id}</strong>
        <ParcelStatusBadge status={parcel.status} testId="gtc-carrier-selected-status" />
      </div>
      <p className="small carrier-order">
        {t('gtc.order')} <span className="mono">{parcel.order_id}</span>{' '}
        {order.data ? <OrderStatusBadge status={order.data.status} testId="gtc-carrier-order-status" /> : null}
      </p>
      {parcel.market === 'CN_CBEC' ? <p className="small muted">{t('gtc.carrier.cbec_note')}</p> : null}
      <h4 id={`carrier-route-${parcel.id}`}>{t('gtc.carrier.route_title')}</h4>
      <ol className="carrier-steps" aria-labelledby={`carrier-route-${parcel.id}`}>
        {routeOf(parcel).map((code) => button(code, code === next ? 'next' : reached.has(code) ? 'done' : 'later'))}
      </ol>
      {JOURNEY_ENDED.has(parcel.status) ? (
        <p className="small muted" data-testid="gtc-carrier-ended">
          {t('gtc.carrier.ended')}
        </p>
      ) : null}
      <h4 id={`carrier-mishaps-${parcel.id}`}>{t('gtc.carrier.mishaps_title')}</h4>
      <ul className="carrier-steps carrier-mishaps" aria-labelledby={`carrier-mishaps-${parcel.id}`}>
        {MISHAPS.map((code) => button(code, 'mishap'))}
      </ul>
      <div aria-live="polite">
        {send.isSuccess && send.variables ? <OutcomeNotice answer={send.data} code={send.variables} tracking={parcel.tracking_no ?? parcel.id} /> : null}
        <ProblemBox error={send.error} testId="gtc-carrier-error" />
        <ProblemBox error={order.error} testId="gtc-carrier-order-error" />
      </div>
      <Timeline tracking={tracking} />
    </div>
  );
}

/** The open panel: the consignment as the server has it now (GET /consignments/{id}), a find field, the parcels, the chosen one. */
function CarrierPanel({ consignment }: { consignment: Consignment }) {
  const { t } = useTranslation();
  const current = useQuery({ queryKey: consignmentKey(consignment.id), queryFn: () => gtcApi.consignment(consignment.id), placeholderData: consignment });
  const parcels = current.data?.parcels ?? [];
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // Counts choices made by scan or tap: each one hands the focus to the parcel's next step.
  const [follow, setFollow] = useState(0);
  const choose = (p: Parcel) => {
    setChosen(p.id);
    setFollow((n) => n + 1);
  };
  const find = (code: string) => {
    const wanted = code.toUpperCase();
    const hit = parcels.find((p) => p.tracking_no?.toUpperCase() === wanted || p.id.toUpperCase() === wanted);
    if (hit) choose(hit);
    return hit !== undefined;
  };
  const selected = parcels.find((p) => p.id === chosen) ?? (parcels.length === 1 ? parcels[0] : undefined);
  return (
    <div className="carrier-panel">
      <p className="small">{t('gtc.carrier.help')}</p>
      <ProblemBox error={current.error} testId="gtc-carrier-load-error" />
      <ParcelFind consignmentId={consignment.id} query={query} onQuery={setQuery} onFind={find} />
      <h4>{t('gtc.carrier.parcels_title', { n: parcels.length })}</h4>
      <ParcelRows parcels={parcels} query={query} selected={selected?.id} onSelect={choose} />
      {selected ? <ParcelEvents key={selected.id} parcel={selected} follow={follow} /> : null}
    </div>
  );
}

/**
 * Sandbox only: play the carrier for a dispatched consignment. With no real carrier in the demo, the operator sends the
 * events a carrier would report (through the same signed webhook) and sees what the platform made of each.
 */
export function CarrierSandbox({ consignment }: { consignment: Consignment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="sandbox-box gtc-details carrier-sandbox" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="gtc-carrier-sandbox">
      <summary data-testid="gtc-carrier-toggle">{t('gtc.carrier.title')}</summary>
      {open ? <CarrierPanel consignment={consignment} /> : null}
    </details>
  );
}
