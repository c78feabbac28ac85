import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { ConfirmStep, ErrorBox, Field, FieldError, Loading, Notice } from '../../components/ui.js';
import { useIdempotencyKey } from '../../idempotency.js';
import type { Order, OrderStatus } from '../checkout/api.js';
import { DisputeDetails } from './DisputeView.js';
import { DISPUTE_REASONS, type DisputeReason, orderDisputesKey, settleApi } from './settleApi.js';
import { ORDERS_KEY } from './shared.js';
import './spine.css';

/** Orders that can have disputes: delivered ones, and those a decision completed or refunded. */
const WITH_DISPUTES: ReadonlySet<OrderStatus> = new Set(['delivered', 'completed', 'refunded']);
const MAX_PHOTOS = 3;
/** The API takes a photo of up to 400 kB; bigger ones are scaled down here first (phone cameras take several MB). */
const PHOTO_MAX_BYTES = 400_000;
const PHOTO_MAX_SIDE = 1600;

interface Photo {
  id: string;
  name: string;
  data_url: string;
}

function readDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function dataUrlBytes(url: string): number {
  return Math.floor(((url.length - url.indexOf(',') - 1) * 3) / 4);
}

/** A photo as a data URL small enough to send: as it is when it fits, else redrawn as a smaller JPEG (the original when that fails: the API says why). */
async function photoOf(file: File): Promise<string> {
  const original = await readDataUrl(file);
  if (file.size <= PHOTO_MAX_BYTES || typeof createImageBitmap !== 'function') return original;
  try {
    const bitmap = await createImageBitmap(file);
    let scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const context = canvas.getContext('2d');
      if (!context) break;
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const url = canvas.toDataURL('image/jpeg', 0.82);
      if (dataUrlBytes(url) <= PHOTO_MAX_BYTES) return url;
      scale *= 0.7;
    }
  } catch {
    // Not an image the browser can draw: sent as it is.
  }
  return original;
}

function ConfirmReceipt({ order }: { order: Order }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [confirming, setConfirming] = useState(false);
  const confirm = useMutation({
    mutationFn: () => settleApi.confirmReceipt(order.id, idempotency.keyFor({ confirm: order.id })),
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: ORDERS_KEY });
    },
  });
  return (
    <div className="receipt-confirm">
      {confirming ? (
        <ConfirmStep
          question={t('spine.receipt.confirm_question')}
          confirmLabel={t('spine.receipt.confirm_yes')}
          pending={confirm.isPending}
          onConfirm={() => confirm.mutate()}
          onCancel={() => setConfirming(false)}
          testId="order-confirm-receipt-step"
        />
      ) : (
        <button type="button" className="primary block" onClick={() => setConfirming(true)} data-testid="order-confirm-receipt">
          {t('spine.receipt.confirm')}
        </button>
      )}
      <ErrorBox error={confirm.error} testId="order-confirm-receipt-error" />
    </div>
  );
}

function DisputeForm({ order, onCancel, onSent }: { order: Order; onCancel: () => void; onSent: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [reason, setReason] = useState<DisputeReason | ''>('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [photoNotice, setPhotoNotice] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const send = useMutation({
    mutationFn: () => {
      // An empty reason goes to the server as it is: it answers with the field error in the buyer's language.
      const body = { reason: reason as DisputeReason, note, photos: photos.map((p) => p.data_url) };
      return settleApi.openDispute(order.id, body, idempotency.keyFor(body));
    },
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async () => {
      onSent();
      await client.invalidateQueries({ queryKey: ORDERS_KEY });
    },
  });
  const errors = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const photoErrors = Object.entries(errors).filter(([path]) => path.startsWith('photos'));
  const touched = () => {
    if (send.isError) send.reset();
  };
  const addPhotos = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    touched();
    const room = MAX_PHOTOS - photos.length;
    const chosen = [...files].slice(0, Math.max(0, room));
    setPhotoNotice(files.length > room ? t('spine.receipt.photos_max', { n: MAX_PHOTOS }) : null);
    setReading(true);
    try {
      const read = await Promise.all(chosen.map(async (file) => ({ id: crypto.randomUUID(), name: file.name, data_url: await photoOf(file) })));
      setPhotos((current) => [...current, ...read].slice(0, MAX_PHOTOS));
    } catch {
      setPhotoNotice(t('spine.receipt.photo_unreadable'));
    } finally {
      setReading(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="dispute-box" data-testid="dispute-form">
      <h3>{t('spine.receipt.dispute_title')}</h3>
      <p className="muted small">{t('spine.receipt.dispute_help')}</p>
      <Field label={t('spine.receipt.reason')} htmlFor="dispute-reason" error={errors.reason} errorPath="reason" errorId="error-dispute-reason">
        <select
          id="dispute-reason"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value as DisputeReason | '');
            touched();
          }}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby="error-dispute-reason"
          data-testid="dispute-reason"
        >
          <option value="">{t('spine.receipt.reason_choose')}</option>
          {DISPUTE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`spine.dispute.reason.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('spine.receipt.note')}
        htmlFor="dispute-note"
        hint={t('spine.receipt.note_hint')}
        error={errors.note}
        errorPath="note"
        errorId="error-dispute-note"
      >
        <textarea
          id="dispute-note"
          className="note"
          maxLength={2000}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            touched();
          }}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby="error-dispute-note"
          data-testid="dispute-note"
        />
      </Field>
      <Field label={t('spine.receipt.photos')} htmlFor="dispute-photos" hint={t('spine.receipt.photos_hint', { n: MAX_PHOTOS })} optional>
        {photos.length > 0 ? (
          <div className="photo-thumbs" data-testid="dispute-photo-previews">
            {photos.map((p) => (
              <div key={p.id} className="photo-thumb" data-testid="dispute-photo-preview">
                <img src={p.data_url} alt={p.name} />
                <button
                  type="button"
                  className="danger"
                  aria-label={t('spine.receipt.photo_remove', { name: p.name })}
                  onClick={() => {
                    setPhotos((current) => current.filter((x) => x.id !== p.id));
                    setPhotoNotice(null);
                    touched();
                  }}
                  data-testid="dispute-photo-remove"
                >
                  ×
                </button>
              </div>
            ))}
          </div>
        ) : null}
        {photos.length < MAX_PHOTOS ? (
          <label className="file-picker">
            <input
              id="dispute-photos"
              type="file"
              accept="image/*"
              multiple
              className="visually-hidden"
              disabled={reading}
              onChange={(e) => {
                void addPhotos(e.target.files);
                e.target.value = '';
              }}
              data-testid="dispute-photos"
            />
            <span className="file-picker-button">{t('spine.receipt.photos_add')}</span>
            <span className="file-picker-name" data-testid="dispute-photo-count">
              {t('spine.receipt.photos_count', { n: photos.length, max: MAX_PHOTOS })}
            </span>
          </label>
        ) : null}
        {photoNotice ? (
          <p className="hint" data-testid="dispute-photo-notice">
            {photoNotice}
          </p>
        ) : null}
        {photoErrors.map(([path, message]) => (
          <FieldError key={path} path={path} message={`${photos.length > 1 ? `${photoLabel(path, t)}: ` : ''}${message}`} id={`error-dispute-${path}`} />
        ))}
      </Field>
      {send.isError && Object.keys(errors).length === 0 ? <ErrorBox error={send.error} testId="dispute-error" /> : null}
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={send.isPending} data-testid="dispute-cancel">
          {t('common.cancel')}
        </button>
        <button type="submit" className="danger" disabled={send.isPending || reading} data-testid="dispute-submit">
          {t('spine.receipt.dispute_submit')}
        </button>
      </div>
    </form>
  );
}

/** "photos[1]" → "Photo 2" */
function photoLabel(path: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const index = /\[(\d+)\]/.exec(path)?.[1];
  return index === undefined ? t('spine.receipt.photos') : t('spine.dispute.photo_alt', { n: Number(index) + 1 });
}

/**
 * The buyer's part once the parcel is delivered: confirm receipt (the seller is paid) or dispute it (the money stays
 * held until the platform decides), and the disputes with their outcome.
 */
export function ReceiptPanel({ order }: { order: Order }) {
  const { t } = useTranslation();
  const enabled = WITH_DISPUTES.has(order.status);
  const disputes = useQuery({ queryKey: orderDisputesKey(order.id), queryFn: () => settleApi.orderDisputes(order.id), enabled });
  const [disputing, setDisputing] = useState(false);
  const [sent, setSent] = useState(false);
  if (!enabled) return null;
  const items = disputes.data?.items ?? [];
  const open = items.some((d) => d.status === 'open');
  const delivered = order.status === 'delivered';
  if (!delivered && items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="receipt-title" data-testid="receipt-panel">
      <h2 id="receipt-title">{t(delivered && !open ? 'spine.receipt.title' : 'spine.receipt.disputes_title')}</h2>
      {disputes.isPending ? <Loading /> : null}
      <ErrorBox error={disputes.error} testId="order-disputes-error" />
      {sent ? (
        <Notice kind="success" testId="dispute-sent">
          {t('spine.receipt.dispute_sent')}
        </Notice>
      ) : null}
      {delivered && disputes.isSuccess && !open ? (
        <>
          <p className="small">{t('spine.receipt.help')}</p>
          {disputing ? null : <ConfirmReceipt order={order} />}
          {disputing ? (
            <DisputeForm
              order={order}
              onCancel={() => setDisputing(false)}
              onSent={() => {
                setDisputing(false);
                setSent(true);
              }}
            />
          ) : (
            <button
              type="button"
              className="danger-outline block"
              onClick={() => {
                setDisputing(true);
                setSent(false);
              }}
              data-testid="order-dispute-open"
            >
              {t('spine.receipt.dispute')}
            </button>
          )}
        </>
      ) : null}
      {open && delivered && !sent ? (
        <Notice kind="warning" testId="dispute-open-note">
          {t('spine.receipt.open_note')}
        </Notice>
      ) : null}
      {items.length > 0 ? (
        <>
          {delivered && !open ? <h3>{t('spine.receipt.disputes_title')}</h3> : null}
          <ul className="rows" data-testid="order-disputes">
            {items.map((d) => (
              <li key={d.id} className="row" data-testid="order-dispute" data-dispute-id={d.id} data-status={d.status} data-outcome={d.outcome ?? ''}>
                <DisputeDetails dispute={d} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
