import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Product, type ProductImage } from '../../api.js';
import { ConfirmStep, ErrorBox, Notice, useErrorMessage } from '../../components/ui.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { productKey } from './shared.js';

/** The server's limits (LIMITS.image_bytes, the picture count), checked here too so that a phone does not send a refused file. */
const MAX_IMAGE_MB = 5;
const MAX_IMAGES = 10;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const ACCEPT = IMAGE_TYPES.join(',');

/** A refused upload: the server's problem (in the UI language) and, below it, the file's own error when it says more. */
function UploadProblem({ error }: { error: unknown }) {
  const message = useErrorMessage();
  if (!(error instanceof ApiError)) return <ErrorBox error={error} testId="images-error" />;
  const title = message(error);
  const details = [...new Set(error.problem.errors.map((e) => e.message))].filter((m) => m && m !== title);
  return (
    <div className="alert alert-error" role="alert" data-testid="images-error" data-code={error.problem.errors[0]?.code ?? error.code}>
      <p className="alert-title">{title}</p>
      {details.length > 0 ? (
        <ul className="alert-list">
          {details.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Picture({
  image,
  index,
  product,
  confirming,
  onConfirm,
  onCancel,
}: {
  image: ProductImage;
  index: number;
  product: Product;
  confirming: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.removeProductImage(product.id, image.id),
    onSuccess: async () => {
      onCancel();
      await client.invalidateQueries({ queryKey: productKey(product.id) });
    },
  });
  const label = t('catalogue.image_n', { n: index + 1 });
  return (
    <li className="picture" data-testid="product-image" data-image-id={image.id} data-cover={index === 0}>
      <div className="picture-frame">
        <img src={image.url} alt={label} loading="lazy" decoding="async" width={160} height={160} />
        {index === 0 ? (
          <span className="picture-cover" data-testid="product-image-cover">
            {t('catalogue.image_cover')}
          </span>
        ) : null}
      </div>
      {confirming ? (
        <ConfirmStep
          question={t('catalogue.image_remove_question')}
          confirmLabel={t('catalogue.image_remove_confirm')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate()}
          onCancel={() => {
            remove.reset();
            onCancel();
          }}
          testId="image-remove-step"
        />
      ) : (
        <button
          type="button"
          className="button-small danger-outline"
          onClick={onConfirm}
          aria-label={t('catalogue.image_remove_label', { label })}
          data-testid="image-remove"
        >
          {t('catalogue.image_remove')}
        </button>
      )}
      <ErrorBox error={remove.error} testId="image-remove-error" />
    </li>
  );
}

/**
 * The product's pictures, in order (the first is the cover the storefront shows): add one (JPEG, PNG or WebP, at most
 * 5 MB, ten in all) and remove one after a confirmation.
 */
export function ProductImages({ product }: { product: Product }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const images = product.images;
  const full = images.length >= MAX_IMAGES;

  const upload = useMutation({
    mutationFn: (file: File) =>
      api.addProductImage(product.id, file, idempotency.keyFor({ product_id: product.id, name: file.name, size: file.size, modified: file.lastModified })),
    onSettled: (_data, error) => {
      idempotency.settle(error ?? undefined);
      if (input.current) input.current.value = '';
    },
    onSuccess: async (_image, file) => {
      setAdded(file.name);
      await client.invalidateQueries({ queryKey: productKey(product.id) });
    },
  });

  const choose = (file: File | null) => {
    setProblem(null);
    setAdded(null);
    upload.reset();
    if (!file) return;
    if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
      setProblem(t('catalogue.image_type'));
    } else if (file.size > MAX_IMAGE_MB * 1_048_576) {
      setProblem(t('catalogue.image_too_large', { max: MAX_IMAGE_MB }));
    } else if (full) {
      setProblem(t('catalogue.image_limit', { max: MAX_IMAGES }));
    } else {
      upload.mutate(file);
      return;
    }
    if (input.current) input.current.value = '';
  };

  return (
    <section className="card" aria-labelledby="images-title" data-testid="product-images" data-count={images.length}>
      <h2 id="images-title">{t('catalogue.images_title')}</h2>
      <p className="hint">{t('catalogue.images_hint', { max: MAX_IMAGES, mb: MAX_IMAGE_MB })}</p>
      {images.length === 0 ? (
        <p className="muted" data-testid="product-images-empty">
          {t('catalogue.images_empty')}
        </p>
      ) : (
        <ol className="pictures" data-testid="product-image-list">
          {images.map((image, i) => (
            <Picture
              key={image.id}
              image={image}
              index={i}
              product={product}
              confirming={confirming === image.id}
              onConfirm={() => setConfirming(image.id)}
              onCancel={() => setConfirming((c) => (c === image.id ? null : c))}
            />
          ))}
        </ol>
      )}
      {/* The browser's own picker speaks the browser's language: this one speaks the page's. */}
      <label className={`file-picker${full || upload.isPending ? ' disabled' : ''}`}>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          className="visually-hidden"
          disabled={full || upload.isPending}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
          aria-invalid={problem || upload.isError ? true : undefined}
          data-testid="image-file"
        />
        <span className="file-picker-button">{upload.isPending ? t('catalogue.image_uploading') : t('catalogue.image_add')}</span>
        <span className="file-picker-name small muted" data-testid="image-count">
          {full ? t('catalogue.image_limit', { max: MAX_IMAGES }) : t('catalogue.image_count', { count: images.length, max: MAX_IMAGES })}
        </span>
      </label>
      {problem ? (
        <p className="alert alert-error" role="alert" data-testid="images-error">
          {problem}
        </p>
      ) : null}
      {upload.isError ? <UploadProblem error={upload.error} /> : null}
      {added && !upload.isPending ? (
        <Notice kind="success" testId="image-added">
          {t('catalogue.image_added', { name: added })}
        </Notice>
      ) : null}
    </section>
  );
}
