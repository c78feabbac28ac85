import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import {
  ApiError,
  api,
  type Category,
  type Certification,
  NET_CONTENT_UNITS,
  type NetContentUnit,
  type Product,
  type ProductInput,
  type ProductPatch,
  type Seller,
  type VariantInput,
} from '../../api.js';
import { ErrorBox, Field, FieldError, Loading, Notice } from '../../components/ui.js';
import { formatDate, isLanguage } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { useNames } from '../sellers/shared.js';
import { EligibilityPanel } from './EligibilityPanel.js';
import { parseBaht, parseWhole, satangToInput } from './money.js';
import { ProductImages } from './ProductImages.js';
import { StockPanel } from './StockPanel.js';
import { productKey, SellerScope, sellerProductsKey, TranslationBadge, useCategories, useProduct, useSellerCertifications } from './shared.js';

interface VariantForm {
  /** Set for a saved variant: its SKU is its key (PATCH upserts by SKU), so it is not edited. */
  id?: string;
  sku: string;
  price: string;
  weight_g: string;
  net_amount: string;
  net_unit: NetContentUnit;
}

interface ProductForm {
  category_code: string;
  hs_code: string;
  title_th: string;
  description_th: string;
  title_zh: string;
  description_zh: string;
  title_en: string;
  description_en: string;
  ingredients_th: string;
  shelf_life_days: string;
  variants: VariantForm[];
  certification_ids: string[];
}

type Translated = 'zh' | 'en';
const TRANSLATED: readonly Translated[] = ['zh', 'en'];

const emptyVariant = (): VariantForm => ({ sku: '', price: '', weight_g: '', net_amount: '', net_unit: 'g' });

function initialForm(product?: Product): ProductForm {
  if (!product) {
    return {
      category_code: '',
      hs_code: '',
      title_th: '',
      description_th: '',
      title_zh: '',
      description_zh: '',
      title_en: '',
      description_en: '',
      ingredients_th: '',
      shelf_life_days: '',
      variants: [emptyVariant()],
      certification_ids: [],
    };
  }
  return {
    category_code: product.category_code,
    hs_code: product.hs_code,
    title_th: product.title.th,
    description_th: product.description.th,
    title_zh: product.title.zh ?? '',
    description_zh: product.description.zh ?? '',
    title_en: product.title.en ?? '',
    description_en: product.description.en ?? '',
    ingredients_th: product.attributes.ingredients?.th ?? '',
    shelf_life_days: product.attributes.shelf_life_days === undefined ? '' : String(product.attributes.shelf_life_days),
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      price: satangToInput(v.price.amount_minor),
      weight_g: String(v.weight_g),
      net_amount: v.net_content ? String(v.net_content.amount) : '',
      net_unit: v.net_content?.unit ?? 'g',
    })),
    certification_ids: [...product.certification_ids],
  };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the form can tell before asking the server: required fields, whole numbers, prices in baht with at most 2 decimals. */
function clientErrors(form: ProductForm, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.category_code) errors.category_code = t('catalogue.required');
  if (!form.hs_code.trim()) errors.hs_code = t('catalogue.required');
  if (!form.title_th.trim()) errors['title.th'] = t('catalogue.required');
  if (!form.description_th.trim()) errors['description.th'] = t('catalogue.required');
  if (form.shelf_life_days.trim() && parseWhole(form.shelf_life_days) === undefined) errors['attributes.shelf_life_days'] = t('catalogue.whole_number');
  form.variants.forEach((v, i) => {
    if (!v.sku.trim()) errors[`variants[${i}].sku`] = t('catalogue.required');
    const price = parseBaht(v.price);
    if (!price.ok) errors[`variants[${i}].price.amount_minor`] = t(`catalogue.price_error.${price.problem}`);
    if (!v.weight_g.trim()) errors[`variants[${i}].weight_g`] = t('catalogue.required');
    else if (parseWhole(v.weight_g) === undefined) errors[`variants[${i}].weight_g`] = t('catalogue.whole_number');
    if (v.net_amount.trim() && parseWhole(v.net_amount) === undefined) errors[`variants[${i}].net_content.amount`] = t('catalogue.whole_number');
  });
  return errors;
}

function localized(th: string, zh: string, en: string): { th: string; zh?: string; en?: string } {
  return { th: th.trim(), ...(zh.trim() ? { zh: zh.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) };
}

function variantsOf(form: ProductForm): VariantInput[] {
  return form.variants.map((v) => {
    const price = parseBaht(v.price);
    const net = parseWhole(v.net_amount);
    return {
      sku: v.sku.trim(),
      price: { amount_minor: price.ok ? price.satang : 0, currency: 'THB' },
      weight_g: parseWhole(v.weight_g) ?? 0,
      net_content: net === undefined ? null : { amount: net, unit: v.net_unit },
    };
  });
}

function attributesOf(form: ProductForm, product?: Product): NonNullable<ProductInput['attributes']> {
  const { ingredients: _ingredients, shelf_life_days: _days, ...kept } = product?.attributes ?? {};
  const shelf = parseWhole(form.shelf_life_days);
  return {
    ...kept,
    // Chinese and English ingredients, if any, stay with the Thai text they translate.
    ...(form.ingredients_th.trim() ? { ingredients: { ...product?.attributes.ingredients, th: form.ingredients_th.trim() } } : {}),
    ...(shelf !== undefined ? { shelf_life_days: shelf } : {}),
  };
}

function createBody(form: ProductForm, sellerId: string): ProductInput {
  return {
    seller_id: sellerId,
    category_code: form.category_code,
    hs_code: form.hs_code.trim(),
    title: localized(form.title_th, form.title_zh, form.title_en),
    description: localized(form.description_th, form.description_zh, form.description_en),
    attributes: attributesOf(form),
    variants: variantsOf(form),
    certification_ids: form.certification_ids,
  };
}

/** Only what changed since the saved product: unchanged Chinese or English text keeps its review. */
function patchBody(form: ProductForm, product: Product): ProductPatch {
  const before = initialForm(product);
  const patch: ProductPatch = {};
  if (form.category_code !== before.category_code) patch.category_code = form.category_code;
  if (form.hs_code.trim() !== before.hs_code) patch.hs_code = form.hs_code.trim();
  const changed = (kind: 'title' | 'description') => {
    const out: { th?: string; zh?: string; en?: string } = {};
    for (const l of ['th', 'zh', 'en'] as const) {
      const key = `${kind}_${l}` as const;
      if (form[key].trim() !== before[key].trim()) out[l] = form[key].trim();
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const title = changed('title');
  const description = changed('description');
  if (title) patch.title = title;
  if (description) patch.description = description;
  if (form.ingredients_th.trim() !== before.ingredients_th.trim() || form.shelf_life_days.trim() !== before.shelf_life_days.trim()) {
    patch.attributes = attributesOf(form, product);
  }
  if (JSON.stringify(form.variants) !== JSON.stringify(before.variants)) patch.variants = variantsOf(form);
  if ([...form.certification_ids].sort().join() !== [...before.certification_ids].sort().join()) patch.certification_ids = form.certification_ids;
  return patch;
}

/** Which error paths an input feeds (cleared when it changes). */
function pathsOf(key: keyof ProductForm): string[] {
  switch (key) {
    case 'title_th':
    case 'title_zh':
    case 'title_en':
      return [`title.${key.slice(6)}`, `translations.${key.slice(6)}`];
    case 'description_th':
    case 'description_zh':
    case 'description_en':
      return [`description.${key.slice(12)}`];
    case 'ingredients_th':
      return ['attributes.ingredients.th', 'attributes.ingredients'];
    case 'shelf_life_days':
      return ['attributes.shelf_life_days'];
    case 'certification_ids':
      return ['certification_ids'];
    default:
      return [key];
  }
}

function CategorySelect({
  categories,
  value,
  onChange,
  invalid,
}: {
  categories: Category[];
  value: string;
  onChange: (code: string) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  const name = useNames();
  const types = categories.filter((c) => c.parent === null);
  return (
    <select
      id="product-category"
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid="product-category"
      aria-invalid={invalid ? true : undefined}
      aria-describedby="error-category_code"
    >
      <option value="">{t('catalogue.category_choose')}</option>
      {types.map((type) => (
        <optgroup key={type.code} label={name(type.name)}>
          {categories
            .filter((c) => c.parent === type.code)
            .map((c) => (
              <option key={c.code} value={c.code}>
                {name(c.name)}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

function certificateLabel(cert: Certification, t: Translate): string {
  const parts = [`${t(`certs.type.${cert.type}`)} ${cert.display_number}`];
  if (cert.expires_on) parts.push(t('certs.expires', { date: formatDate(cert.expires_on) }));
  return parts.join(' · ');
}

interface TranslationSectionProps {
  language: Translated;
  form: ProductForm;
  saved: ProductForm | undefined;
  product: Product | undefined;
  update: <K extends keyof ProductForm>(key: K, value: ProductForm[K]) => void;
  errorFor: (path: string) => string | undefined;
}

/** Chinese or English: optional text (drafted from the glossary when empty), its review status and "mark reviewed". */
function TranslationSection({ language, form, saved, product, update, errorFor }: TranslationSectionProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const titleKey = `title_${language}` as const;
  const descriptionKey = `description_${language}` as const;
  const review = useMutation({
    mutationFn: (id: string) => api.updateProduct(id, { translations: { [language]: { status: 'reviewed' } } }),
    onSuccess: async (updated) => {
      client.setQueryData(productKey(updated.id), updated);
      await client.invalidateQueries({ queryKey: sellerProductsKey(updated.seller_id) });
    },
  });
  const status = product?.translations[language].status ?? 'missing';
  const dirty = !!saved && (form[titleKey] !== saved[titleKey] || form[descriptionKey] !== saved[descriptionKey]);
  const reviewErrors = review.error instanceof ApiError ? review.error.fieldErrors() : {};
  return (
    <fieldset data-testid={`translation-${language}`}>
      <legend>{t(`catalogue.language.${language}`)}</legend>
      <div className="translation-head">
        <TranslationBadge status={status} testId={`translation-${language}-status`} />
        {product && status === 'draft' ? (
          <button
            type="button"
            className="small-button"
            disabled={dirty || review.isPending}
            onClick={() => review.mutate(product.id)}
            data-testid={`translation-${language}-review`}
          >
            {t('catalogue.mark_reviewed')}
          </button>
        ) : null}
      </div>
      <p className="hint">
        {product ? (dirty ? t('catalogue.save_before_review') : t(`catalogue.translation_help.${status}`)) : t('catalogue.translation_drafted')}
      </p>
      <FieldError path={`translations.${language}`} message={reviewErrors[`translations.${language}`]} />
      {review.error && Object.keys(reviewErrors).length === 0 ? <ErrorBox error={review.error} testId={`translation-${language}-error`} /> : null}
      <Field
        label={t('catalogue.product_title')}
        htmlFor={`product-title-${language}`}
        optional
        error={errorFor(`title.${language}`)}
        errorPath={`title.${language}`}
      >
        <input
          id={`product-title-${language}`}
          lang={language}
          value={form[titleKey]}
          onChange={(e) => update(titleKey, e.target.value)}
          data-testid={`product-title-${language}`}
          aria-describedby={`error-title.${language}`}
        />
      </Field>
      <Field
        label={t('catalogue.description')}
        htmlFor={`product-description-${language}`}
        optional
        error={errorFor(`description.${language}`)}
        errorPath={`description.${language}`}
      >
        <textarea
          id={`product-description-${language}`}
          lang={language}
          rows={3}
          value={form[descriptionKey]}
          onChange={(e) => update(descriptionKey, e.target.value)}
          data-testid={`product-description-${language}`}
          aria-describedby={`error-description.${language}`}
        />
      </Field>
    </fieldset>
  );
}

/**
 * The product editor: creates (POST /products) or edits (PATCH /products/{id}, only what changed). Prices are typed in
 * baht and sent as exact satang; errors appear at their field, from this form or from the server.
 */
function ProductForm({ seller_id, product }: { seller_id: string; product?: Product }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const categories = useCategories();
  const certificates = useSellerCertifications(seller_id);
  const idempotency = useIdempotencyKey();
  const [form, setForm] = useState<ProductForm>(() => initialForm(product));
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const savedForm = useMemo(() => (product ? initialForm(product) : undefined), [product]);

  const local = clientErrors(form, t);
  const errorFor = (path: string): string | undefined => serverErrors[path] ?? (attempted || touched.has(path) ? local[path] : undefined);
  const invalid = (path: string) => ({ 'aria-invalid': errorFor(path) ? true : undefined, 'aria-describedby': `error-${path}` });

  const forget = (paths: string[]) => {
    setTouched((prev) => new Set([...prev, ...paths]));
    setServerErrors((prev) => {
      const next = { ...prev };
      for (const p of paths) delete next[p];
      return next;
    });
    setSaved(false);
    setUnchanged(false);
  };

  const update = <K extends keyof ProductForm>(key: K, value: ProductForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    forget(pathsOf(key));
  };

  const chooseCategory = (code: string) => {
    const before = categories.data?.items.find((c) => c.code === form.category_code);
    const next = categories.data?.items.find((c) => c.code === code);
    // The HS code follows the category until the seller types one of their own.
    const suggested = !form.hs_code.trim() || (before?.hs_codes.includes(form.hs_code.trim()) ?? false);
    setForm((f) => ({ ...f, category_code: code, ...(suggested && next?.hs_codes[0] ? { hs_code: next.hs_codes[0] } : {}) }));
    forget(['category_code', 'hs_code']);
  };

  const updateVariant = (index: number, key: keyof VariantForm, value: string) => {
    setForm((f) => ({ ...f, variants: f.variants.map((v, i) => (i === index ? { ...v, [key]: value } : v)) }));
    const field = key === 'price' ? 'price.amount_minor' : key === 'net_amount' || key === 'net_unit' ? 'net_content.amount' : key;
    forget([`variants[${index}].${field}`, `variants[${index}]`, 'variants']);
  };

  const removeVariant = (index: number) => {
    setForm((f) => ({ ...f, variants: f.variants.filter((_, i) => i !== index) }));
    // Indices move: the server's variant errors no longer point at the right rows.
    setServerErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([p]) => !p.startsWith('variants'))));
  };

  const mutation = useMutation({
    mutationFn: async (): Promise<Product | null> => {
      if (product) {
        const patch = patchBody(form, product);
        if (Object.keys(patch).length === 0) return null;
        return api.updateProduct(product.id, patch);
      }
      const body = createBody(form, seller_id);
      return api.createProduct(body, idempotency.keyFor(body));
    },
    onSettled: (_data, error) => {
      if (!product) idempotency.settle(error ?? undefined);
    },
    onSuccess: async (result) => {
      if (!result) {
        setUnchanged(true);
        return;
      }
      client.setQueryData(productKey(result.id), result);
      await client.invalidateQueries({ queryKey: sellerProductsKey(result.seller_id) });
      if (product) {
        setForm(initialForm(result));
        setTouched(new Set());
        setAttempted(false);
        setSaved(true);
      } else {
        navigate(`/seller/products/${result.id}?seller=${encodeURIComponent(result.seller_id)}&created=1`);
      }
    },
    onError: (error) => {
      if (error instanceof ApiError) setServerErrors(error.fieldErrors());
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setSaved(false);
    if (Object.keys(clientErrors(form, t)).length > 0) return;
    mutation.mutate();
  };

  if (categories.isPending) return <Loading />;
  if (categories.isError) return <ErrorBox error={categories.error} />;

  const category = categories.data.items.find((c) => c.code === form.category_code);
  const usable = (certificates.data?.items ?? []).filter((c) => c.status === 'approved' || form.certification_ids.includes(c.id));
  const hasErrors = Object.keys(serverErrors).length > 0 || (attempted && Object.keys(local).length > 0);
  const unplaced = mutation.error instanceof ApiError && mutation.error.problem.errors.length === 0;

  return (
    <form onSubmit={submit} noValidate className="product-form" data-testid="product-form">
      <fieldset>
        <legend>{t('catalogue.section_category')}</legend>
        <Field label={t('catalogue.category')} htmlFor="product-category" error={errorFor('category_code')} errorPath="category_code">
          <CategorySelect categories={categories.data.items} value={form.category_code} onChange={chooseCategory} invalid={!!errorFor('category_code')} />
        </Field>
        <Field
          label={t('catalogue.hs_code')}
          htmlFor="product-hs"
          hint={category && category.hs_codes.length > 0 ? t('catalogue.hs_suggested', { codes: category.hs_codes.join(', ') }) : t('catalogue.hs_hint')}
          error={errorFor('hs_code')}
          errorPath="hs_code"
        >
          <input
            id="product-hs"
            inputMode="numeric"
            autoComplete="off"
            className="mono"
            maxLength={20}
            list="product-hs-suggestions"
            value={form.hs_code}
            onChange={(e) => update('hs_code', e.target.value)}
            data-testid="product-hs"
            {...invalid('hs_code')}
          />
          <datalist id="product-hs-suggestions">
            {(category?.hs_codes ?? []).map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('catalogue.language.th')}</legend>
        <Field label={t('catalogue.product_title')} htmlFor="product-title-th" error={errorFor('title.th')} errorPath="title.th">
          <input
            id="product-title-th"
            lang="th"
            required
            value={form.title_th}
            onChange={(e) => update('title_th', e.target.value)}
            data-testid="product-title-th"
            {...invalid('title.th')}
          />
        </Field>
        <Field label={t('catalogue.description')} htmlFor="product-description-th" error={errorFor('description.th')} errorPath="description.th">
          <textarea
            id="product-description-th"
            lang="th"
            rows={4}
            required
            value={form.description_th}
            onChange={(e) => update('description_th', e.target.value)}
            data-testid="product-description-th"
            {...invalid('description.th')}
          />
        </Field>
      </fieldset>

      {TRANSLATED.map((language) => (
        <TranslationSection key={language} language={language} form={form} saved={savedForm} product={product} update={update} errorFor={errorFor} />
      ))}

      <fieldset>
        <legend>{t('catalogue.section_details')}</legend>
        <Field
          label={t('catalogue.ingredients')}
          htmlFor="product-ingredients"
          optional
          error={errorFor('attributes.ingredients.th')}
          errorPath="attributes.ingredients.th"
        >
          <textarea
            id="product-ingredients"
            lang="th"
            rows={2}
            value={form.ingredients_th}
            onChange={(e) => update('ingredients_th', e.target.value)}
            data-testid="product-ingredients"
            {...invalid('attributes.ingredients.th')}
          />
        </Field>
        <Field
          label={t('catalogue.shelf_life_days')}
          htmlFor="product-shelf-life"
          optional
          error={errorFor('attributes.shelf_life_days')}
          errorPath="attributes.shelf_life_days"
        >
          <input
            id="product-shelf-life"
            inputMode="numeric"
            autoComplete="off"
            value={form.shelf_life_days}
            onChange={(e) => update('shelf_life_days', e.target.value)}
            data-testid="product-shelf-life"
            {...invalid('attributes.shelf_life_days')}
          />
        </Field>
      </fieldset>

      <fieldset data-testid="product-variants">
        <legend>{t('catalogue.variants')}</legend>
        <FieldError path="variants" message={errorFor('variants')} />
        {form.variants.map((v, i) => (
          <div key={v.id ?? `new-${i}`} className="variant" data-testid="variant" data-index={i}>
            <div className="variant-head">
              <strong>{t('catalogue.variant_n', { n: i + 1 })}</strong>
              {!v.id && form.variants.length > 1 ? (
                <button type="button" className="button-small danger-outline" onClick={() => removeVariant(i)} data-testid={`variant-remove-${i}`}>
                  {t('catalogue.variant_remove')}
                </button>
              ) : null}
            </div>
            <Field
              label={t('catalogue.sku')}
              htmlFor={`variant-sku-${i}`}
              hint={v.id ? t('catalogue.sku_fixed') : undefined}
              error={errorFor(`variants[${i}].sku`)}
              errorPath={`variants[${i}].sku`}
            >
              <input
                id={`variant-sku-${i}`}
                autoComplete="off"
                className="mono"
                readOnly={!!v.id}
                value={v.sku}
                onChange={(e) => updateVariant(i, 'sku', e.target.value)}
                data-testid={`variant-sku-${i}`}
                {...invalid(`variants[${i}].sku`)}
              />
            </Field>
            <div className="field-pair">
              <Field
                label={t('catalogue.price_baht')}
                htmlFor={`variant-price-${i}`}
                hint={t('catalogue.price_hint')}
                error={errorFor(`variants[${i}].price.amount_minor`)}
                errorPath={`variants[${i}].price.amount_minor`}
              >
                <input
                  id={`variant-price-${i}`}
                  inputMode="decimal"
                  autoComplete="off"
                  className="mono"
                  value={v.price}
                  onChange={(e) => updateVariant(i, 'price', e.target.value)}
                  data-testid={`variant-price-${i}`}
                  {...invalid(`variants[${i}].price.amount_minor`)}
                />
              </Field>
              <Field
                label={t('catalogue.weight_g')}
                htmlFor={`variant-weight-${i}`}
                error={errorFor(`variants[${i}].weight_g`)}
                errorPath={`variants[${i}].weight_g`}
              >
                <input
                  id={`variant-weight-${i}`}
                  inputMode="numeric"
                  autoComplete="off"
                  value={v.weight_g}
                  onChange={(e) => updateVariant(i, 'weight_g', e.target.value)}
                  data-testid={`variant-weight-${i}`}
                  {...invalid(`variants[${i}].weight_g`)}
                />
              </Field>
            </div>
            <Field
              label={t('catalogue.net_content')}
              htmlFor={`variant-net-amount-${i}`}
              optional
              error={errorFor(`variants[${i}].net_content.amount`)}
              errorPath={`variants[${i}].net_content.amount`}
            >
              <div className="amount-unit">
                <input
                  id={`variant-net-amount-${i}`}
                  inputMode="numeric"
                  autoComplete="off"
                  value={v.net_amount}
                  onChange={(e) => updateVariant(i, 'net_amount', e.target.value)}
                  data-testid={`variant-net-amount-${i}`}
                  {...invalid(`variants[${i}].net_content.amount`)}
                />
                <select
                  aria-label={t('catalogue.net_unit')}
                  value={v.net_unit}
                  onChange={(e) => updateVariant(i, 'net_unit', e.target.value)}
                  data-testid={`variant-net-unit-${i}`}
                >
                  {NET_CONTENT_UNITS.map((unit) => (
                    <option key={unit} value={unit}>
                      {t(`catalogue.unit.${unit}`)}
                    </option>
                  ))}
                </select>
              </div>
            </Field>
            <FieldError path={`variants[${i}]`} message={errorFor(`variants[${i}]`)} />
          </div>
        ))}
        <button
          type="button"
          className="block"
          disabled={form.variants.length >= 50}
          onClick={() => setForm((f) => ({ ...f, variants: [...f.variants, emptyVariant()] }))}
          data-testid="variant-add"
        >
          {t('catalogue.variant_add')}
        </button>
      </fieldset>

      <fieldset data-testid="product-certs">
        <legend>{t('catalogue.certificates')}</legend>
        {certificates.isPending ? <Loading /> : null}
        {certificates.isError ? <ErrorBox error={certificates.error} /> : null}
        {certificates.isSuccess && usable.length === 0 ? <p className="muted small">{t('catalogue.no_certificates')}</p> : null}
        {usable.map((cert) => (
          <label key={cert.id} className="check" data-testid="product-cert" data-cert-id={cert.id} data-cert-type={cert.type}>
            <input
              type="checkbox"
              checked={form.certification_ids.includes(cert.id)}
              onChange={(e) =>
                update('certification_ids', e.target.checked ? [...form.certification_ids, cert.id] : form.certification_ids.filter((id) => id !== cert.id))
              }
              data-testid="product-cert-check"
            />
            <span>
              {certificateLabel(cert, t)}
              {cert.in_force ? null : <span className="muted small"> ({t('certs.not_in_force')})</span>}
            </span>
          </label>
        ))}
        {form.certification_ids.map((id, i) => (
          <FieldError key={id} path={`certification_ids[${i}]`} message={errorFor(`certification_ids[${i}]`)} />
        ))}
        <Link href={`/seller/certificates?seller=${encodeURIComponent(seller_id)}`} className="small" data-testid="product-certs-manage">
          {t('catalogue.manage_certificates')}
        </Link>
      </fieldset>

      {hasErrors ? <Notice kind="error">{t('seller.form_has_errors')}</Notice> : null}
      {unplaced ? <ErrorBox error={mutation.error} /> : null}
      {mutation.error && !(mutation.error instanceof ApiError) ? <ErrorBox error={mutation.error} /> : null}
      {saved ? (
        <Notice kind="success" testId="product-saved">
          {t('catalogue.saved')}
        </Notice>
      ) : null}
      {unchanged ? <Notice testId="product-unchanged">{t('catalogue.no_changes')}</Notice> : null}
      <button type="submit" className="primary block" disabled={mutation.isPending} data-testid="product-save">
        {mutation.isPending ? t('seller.saving') : t(product ? 'seller.save_changes' : 'catalogue.create_submit')}
      </button>
    </form>
  );
}

export function NewProductPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="product-new-page">
      <div className="page-head">
        <h1>{t('catalogue.new_title')}</h1>
        <Link href="/seller/products" className="button" data-testid="products-back">
          {t('catalogue.back')}
        </Link>
      </div>
      <SellerScope path="/seller/products/new">{(seller: Seller) => <ProductForm seller_id={seller.id} />}</SellerScope>
    </div>
  );
}

export function EditProductPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'th';
  const product = useProduct(id);
  const created = new URLSearchParams(useSearch()).get('created') === '1';
  if (product.isPending) return <Loading />;
  if (product.isError) return <ErrorBox error={product.error} />;
  const p = product.data;
  return (
    <div data-testid="product-page" data-product-id={p.id}>
      <div className="page-head">
        <h1 className="product-heading">{p.title.th}</h1>
        <Link href={`/seller/products?seller=${encodeURIComponent(p.seller_id)}`} className="button" data-testid="products-back">
          {t('catalogue.back')}
        </Link>
      </div>
      {created ? (
        <Notice kind="success" testId="product-created">
          {t('catalogue.created')}
        </Notice>
      ) : null}
      <EligibilityPanel product={p} language={language} />
      <ProductImages product={p} />
      <section className="card">
        <h2>{t('catalogue.edit_title')}</h2>
        {/* Keyed by product: a save or a review updates the product without throwing away what is being typed. */}
        <ProductForm key={p.id} seller_id={p.seller_id} product={p} />
      </section>
      <StockPanel product={p} />
    </div>
  );
}
