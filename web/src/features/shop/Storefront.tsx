import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { SearchFacets } from '../../api.js';
import { ErrorBox, Loading, Notice } from '../../components/ui.js';
import { type Language, pick } from '../../i18n/index.js';
import { parseBaht } from '../catalogue/money.js';
import { MarketSwitcher, ResultCard } from './components.js';
import { type Currency, currencySymbol, formatAmount, formatMoney, minorToDecimal, parsePriceBucket, stars } from './format.js';
import { useMarket } from './market.js';
import { type Filters, useCategoryNames, useLanguage, useProvinceName, useShopSearch } from './queries.js';

/** The storefront's three faces: everything, one category, or OTOP products by star rating. */
export type Mode = { kind: 'all' } | { kind: 'category'; code: string } | { kind: 'otop' };

export const OTOP_STAR_CHOICES = [3, 4, 5] as const;
const OTOP_DEFAULT_STARS = 3;

function pathOf(mode: Mode): string {
  if (mode.kind === 'category') return `/shop/category/${encodeURIComponent(mode.code)}`;
  return mode.kind === 'otop' ? '/shop/otop' : '/shop';
}

function starsParam(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

/** A price from the URL (a decimal in the currency of the search's answer) in minor units. */
function minorParam(value: string | null): number | undefined {
  if (!value) return undefined;
  const parsed = parseBaht(value);
  return parsed.ok ? parsed.satang : undefined;
}

/**
 * The filters live in the URL (?q=…&province=…&stars=…&cert=…&min=…&max=…, prices as decimals in the currency the
 * search answers in: the market's, or baht), so that a result list can be shared, bookmarked and gone back to.
 */
function useUrlFilters(mode: Mode) {
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const filters: Filters = {
    q: params.get('q') ?? '',
    category: mode.kind === 'category' ? mode.code : params.get('category') || undefined,
    province: params.get('province') || undefined,
    otop_stars_min: mode.kind === 'otop' ? (starsParam(params.get('stars')) ?? OTOP_DEFAULT_STARS) : starsParam(params.get('stars')),
    certification: params.get('cert') || undefined,
    price_min: minorParam(params.get('min')),
    price_max: minorParam(params.get('max')),
  };
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    const qs = next.toString();
    navigate(qs ? `${pathOf(mode)}?${qs}` : pathOf(mode));
  };
  return { params, filters, set };
}

function SearchBox({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(q);
  // Back and forward bring another query with them.
  useEffect(() => setText(q), [q]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <search>
      <form className="shop-search" onSubmit={submit} data-testid="shop-search">
        <label htmlFor={id} className="visually-hidden">
          {t('shop.search_label')}
        </label>
        <input
          id={id}
          type="search"
          enterKeyHint="search"
          value={text}
          maxLength={200}
          placeholder={t('shop.search_placeholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="shop-search-input"
        />
        <button type="submit" className="primary shop-search-submit" data-testid="shop-search-submit">
          {t('shop.search')}
        </button>
      </form>
    </search>
  );
}

interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/** One facet as toggle chips: a tap filters, a second tap on the active chip lifts the filter. */
function FacetGroup({
  name,
  title,
  options,
  active,
  activeLabel,
  onToggle,
}: {
  name: string;
  title: string;
  options: FacetOption[];
  active: string | undefined;
  /** How to name the active value when no option has it (a price range typed by hand). */
  activeLabel?: string | undefined;
  onToggle: (value: string | undefined) => void;
}) {
  const shown = active && !options.some((o) => o.value === active) ? [{ value: active, label: activeLabel ?? active, count: 0 }, ...options] : options;
  if (shown.length === 0) return null;
  return (
    <fieldset className="facet" data-testid={`facet-${name}`}>
      <legend>{title}</legend>
      <div className="chips">
        {shown.map((option) => {
          const on = option.value === active;
          return (
            <button
              key={option.value}
              type="button"
              className={on ? 'chip active' : 'chip'}
              aria-pressed={on}
              data-testid={`facet-${name}-option`}
              data-value={option.value}
              onClick={() => onToggle(on ? undefined : option.value)}
            >
              <span>{option.label}</span>
              <span className="chip-count">{option.count}</span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

/** "OTOP ★★★ and up" counts from the per-star facet. */
function starOptions(facet: SearchFacets['otop_stars'], t: (key: string, options?: Record<string, unknown>) => string): FacetOption[] {
  const counts = new Map(facet.map((f) => [Number(f.value), f.count]));
  const out: FacetOption[] = [];
  for (let n = 1; n <= 5; n += 1) {
    let count = 0;
    for (const [stars_, c] of counts) if (stars_ >= n) count += c;
    if (count > 0) out.push({ value: String(n), label: t('shop.stars_min', { stars: stars(n) }), count });
  }
  return out;
}

/** A price bucket as people say it: "¥50–100", "under ¥50", "¥500 and above". */
function priceLabel(value: string, currency: Currency, language: Language, t: (key: string, options?: Record<string, unknown>) => string): string {
  const bucket = parsePriceBucket(value);
  if (!bucket) return value;
  const money = (minor: number) => formatMoney(minor, currency, language, { whole: true });
  if (bucket.max === undefined) return t('shop.price_and_above', { price: money(bucket.min) });
  if (bucket.min === 0) return t('shop.price_under', { price: money(bucket.max) });
  return `${money(bucket.min)}–${formatAmount(bucket.max, language)}`;
}

/** The price filter as a facet value ("5000-10000"), to mark the bucket it came from. */
function priceValue(filters: Filters): string | undefined {
  if (filters.price_min === undefined && filters.price_max === undefined) return undefined;
  // A bucket's upper bound is exclusive and price_max inclusive: a bucket is asked for up to one minor unit below it.
  return `${filters.price_min ?? 0}-${filters.price_max === undefined ? '' : filters.price_max + 1}`;
}

interface ActiveFilter {
  key: string;
  label: string;
  clear: () => void;
}

/** The filters in force as chips above the results, each with a way to lift it. */
function ActiveFilters({ filters, onClear }: { filters: ActiveFilter[]; onClear: () => void }) {
  const { t } = useTranslation();
  if (filters.length === 0) return null;
  return (
    <div className="active-filters" data-testid="active-filters">
      <span className="small muted">{t('shop.active_filters')}</span>
      <ul className="chips">
        {filters.map((f) => (
          <li key={f.key}>
            <button
              type="button"
              className="chip active"
              onClick={f.clear}
              aria-label={t('shop.remove_filter', { filter: f.label })}
              data-testid="active-filter"
              data-filter={f.key}
            >
              <span>{f.label}</span> <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      {filters.length > 1 ? (
        <button type="button" className="button-small" onClick={onClear} data-testid="active-filters-clear">
          {t('shop.clear_filters')}
        </button>
      ) : null}
    </div>
  );
}

function PriceRange({
  min,
  max,
  currency,
  onApply,
}: {
  min: string;
  max: string;
  currency: Currency;
  onApply: (min: string | undefined, max: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const symbol = currencySymbol(currency, language);
  const id = useId();
  const [low, setLow] = useState(min);
  const [high, setHigh] = useState(max);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setLow(min);
    setHigh(max);
  }, [min, max]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const a = low.trim() ? parseBaht(low) : undefined;
    const b = high.trim() ? parseBaht(high) : undefined;
    if ((a && !a.ok) || (b && !b.ok)) return setError(t('shop.price_invalid', { symbol }));
    if (a?.ok && b?.ok && a.satang > b.satang) return setError(t('shop.price_order'));
    setError(undefined);
    onApply(low.trim() || undefined, high.trim() || undefined);
  };
  return (
    <form className="facet price-range" onSubmit={submit} data-testid="price-range" data-currency={currency} noValidate>
      <fieldset>
        <legend>{t('shop.price_range', { symbol })}</legend>
        <div className="price-inputs">
          <label htmlFor={`${id}-min`} className="visually-hidden">
            {t('shop.price_min')}
          </label>
          <input
            id={`${id}-min`}
            inputMode="decimal"
            placeholder={t('shop.price_min')}
            value={low}
            onChange={(e) => setLow(e.target.value)}
            aria-invalid={!!error}
            data-testid="price-min"
          />
          <span aria-hidden="true">–</span>
          <label htmlFor={`${id}-max`} className="visually-hidden">
            {t('shop.price_max')}
          </label>
          <input
            id={`${id}-max`}
            inputMode="decimal"
            placeholder={t('shop.price_max')}
            value={high}
            onChange={(e) => setHigh(e.target.value)}
            aria-invalid={!!error}
            data-testid="price-max"
          />
          <button type="submit" className="button-small" data-testid="price-apply">
            {t('shop.apply')}
          </button>
        </div>
        <p className="hint">{t('shop.price_hint', { symbol })}</p>
        {error ? (
          <p className="field-error" role="alert" data-testid="price-error">
            {error}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}

/** Top-level categories (the OTOP types) as links to their pages, and the OTOP storefront. */
function Browse() {
  const { t } = useTranslation();
  const { categories, name } = useCategoryNames();
  const top = categories.filter((c) => c.parent === null);
  return (
    <nav className="browse" aria-label={t('shop.browse')} data-testid="shop-browse">
      <Link href="/shop/otop" className="browse-link otop" data-testid="shop-otop-link">
        OTOP ★
      </Link>
      {top.map((c) => (
        <Link key={c.code} href={`/shop/category/${encodeURIComponent(c.code)}`} className="browse-link" data-testid="shop-category-link" data-code={c.code}>
          {name(c.code)}
        </Link>
      ))}
    </nav>
  );
}

/** Sub-categories of a top-level category, as links. */
function SubCategories({ code }: { code: string }) {
  const { t } = useTranslation();
  const { categories, name } = useCategoryNames();
  const subs = categories.filter((c) => c.parent === code);
  if (subs.length === 0) return null;
  return (
    <nav className="browse" aria-label={t('shop.subcategories')} data-testid="shop-subcategories">
      {subs.map((c) => (
        <Link key={c.code} href={`/shop/category/${encodeURIComponent(c.code)}`} className="browse-link" data-testid="shop-category-link" data-code={c.code}>
          {name(c.code)}
        </Link>
      ))}
    </nav>
  );
}

function Heading({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { byCode, isPending } = useCategoryNames();
  if (mode.kind === 'category') {
    const category = byCode.get(mode.code);
    const parent = category?.parent ? byCode.get(category.parent) : undefined;
    return (
      <div className="shop-head">
        <nav className="crumbs small" aria-label={t('shop.breadcrumb')}>
          <Link href="/shop">{t('shop.title')}</Link>
          {parent ? (
            <>
              {' › '}
              <Link href={`/shop/category/${encodeURIComponent(parent.code)}`}>{pick(parent.name, language)}</Link>
            </>
          ) : null}
        </nav>
        <h1 data-testid="shop-title" data-code={mode.code}>
          {category ? pick(category.name, language) : isPending ? '…' : mode.code}
        </h1>
        {!category && !isPending ? (
          <Notice kind="warning" testId="shop-category-unknown">
            {t('shop.category_unknown')}
          </Notice>
        ) : null}
      </div>
    );
  }
  return (
    <div className="shop-head">
      {mode.kind === 'otop' ? (
        <nav className="crumbs small" aria-label={t('shop.breadcrumb')}>
          <Link href="/shop">{t('shop.title')}</Link>
        </nav>
      ) : null}
      <h1 data-testid="shop-title">{mode.kind === 'otop' ? t('shop.otop_title') : t('shop.title')}</h1>
      <p className="muted small">{mode.kind === 'otop' ? t('shop.otop_intro') : t('shop.intro')}</p>
    </div>
  );
}

/** The storefront: market, search, facets and results with "load more". */
export function Storefront({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const market = useMarket();
  const province = useProvinceName();
  const { name: categoryName } = useCategoryNames();
  const { params, filters, set } = useUrlFilters(mode);
  const results = useShopSearch(market, filters);
  // A price range is in the currency of the market it was set in: another market's currency lifts it.
  const priceMarket = useRef(market);
  const hasPrice = params.has('min') || params.has('max');
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a market switch only; `set` is new on every render
  useEffect(() => {
    if (priceMarket.current === market) return;
    priceMarket.current = market;
    if (hasPrice) set({ min: undefined, max: undefined });
  }, [market]);
  const first = results.data?.pages[0];
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const facets = first?.facets;
  /** The currency of every price the search answers with, and of the price filter in the URL. */
  const currency: Currency = first?.currency ?? 'THB';
  const priceActive = priceValue(filters);
  const money = (minor: number) => formatMoney(minor, currency, language, { whole: true });
  const priceFilterLabel = (): string => {
    // A filter that came from a bucket reads like the bucket ("¥50–100"), not "¥50–99.99".
    if (priceActive && facets?.price.some((f) => f.value === priceActive)) return priceLabel(priceActive, currency, language, t);
    if (filters.price_min !== undefined && filters.price_max !== undefined) return `${money(filters.price_min)}–${formatAmount(filters.price_max, language)}`;
    if (filters.price_min !== undefined) return t('shop.price_and_above', { price: money(filters.price_min) });
    return t('shop.price_up_to', { price: money(filters.price_max ?? 0) });
  };
  const clearAll = () => set({ category: undefined, province: undefined, stars: undefined, cert: undefined, min: undefined, max: undefined });
  const active: ActiveFilter[] = [];
  if (mode.kind !== 'category' && filters.category)
    active.push({ key: 'category', label: categoryName(filters.category), clear: () => set({ category: undefined }) });
  if (filters.province) active.push({ key: 'province', label: province(filters.province), clear: () => set({ province: undefined }) });
  if (mode.kind !== 'otop' && filters.otop_stars_min)
    active.push({ key: 'stars', label: t('shop.stars_min', { stars: stars(filters.otop_stars_min) }), clear: () => set({ stars: undefined }) });
  if (filters.certification)
    active.push({
      key: 'certification',
      label: t(`certs.type.${filters.certification}`, { defaultValue: filters.certification }),
      clear: () => set({ cert: undefined }),
    });
  // The price chip waits for the answer: until then its currency is not known, and a guess would show ฿ to a yuan shopper.
  if (priceActive && first) active.push({ key: 'price', label: priceFilterLabel(), clear: () => set({ min: undefined, max: undefined }) });

  const activeCount = [
    mode.kind !== 'category' ? filters.category : undefined,
    filters.province,
    mode.kind !== 'otop' ? filters.otop_stars_min : undefined,
    filters.certification,
    filters.price_min ?? filters.price_max,
  ].filter((v) => v !== undefined).length;
  const filtered = activeCount > 0 || filters.q !== '';

  const provinceFacet = facets ? (
    <FacetGroup
      name="province"
      title={t('shop.facet_province')}
      options={facets.province.map((f) => ({ value: f.value, label: province(f.value), count: f.count }))}
      active={filters.province}
      onToggle={(value) => set({ province: value })}
    />
  ) : null;

  return (
    <div className="shop" data-testid="shop-page" data-mode={mode.kind} data-market={market}>
      <Heading mode={mode} />
      <MarketSwitcher />
      <SearchBox q={filters.q} onSearch={(q) => set({ q })} />
      {mode.kind === 'all' ? <Browse /> : null}
      {mode.kind === 'category' ? <SubCategories code={mode.code} /> : null}

      {mode.kind === 'otop' ? (
        <>
          <fieldset className="otop-filter" data-testid="otop-star-filter">
            <legend className="visually-hidden">{t('shop.facet_stars')}</legend>
            {OTOP_STAR_CHOICES.map((n) => {
              const on = filters.otop_stars_min === n;
              return (
                <button
                  key={n}
                  type="button"
                  className={on ? 'star-choice active' : 'star-choice'}
                  aria-pressed={on}
                  data-testid={`otop-stars-${n}`}
                  onClick={() => set({ stars: n === OTOP_DEFAULT_STARS ? undefined : String(n) })}
                >
                  <span aria-hidden="true">{n}★</span>
                  <span className="visually-hidden">{t('shop.stars_min', { stars: stars(n) })}</span>
                </button>
              );
            })}
          </fieldset>
          {provinceFacet}
        </>
      ) : null}

      <details className="filters" data-testid="shop-filters">
        <summary>
          {t('shop.filters')}
          {activeCount > 0 ? <span className="filter-count"> ({activeCount})</span> : null}
        </summary>
        {facets ? (
          <div className="filters-body">
            {mode.kind !== 'category' ? (
              <FacetGroup
                name="category"
                title={t('shop.facet_category')}
                options={facets.category.map((f) => ({ value: f.value, label: categoryName(f.value), count: f.count }))}
                active={filters.category}
                onToggle={(value) => set({ category: value })}
              />
            ) : null}
            {mode.kind !== 'otop' ? provinceFacet : null}
            {mode.kind !== 'otop' ? (
              <FacetGroup
                name="stars"
                title={t('shop.facet_stars')}
                options={starOptions(facets.otop_stars, t)}
                active={filters.otop_stars_min ? String(filters.otop_stars_min) : undefined}
                onToggle={(value) => set({ stars: value })}
              />
            ) : null}
            <FacetGroup
              name="certification"
              title={t('shop.facet_certification')}
              options={facets.certification.map((f) => ({ value: f.value, label: t(`certs.type.${f.value}`, { defaultValue: f.value }), count: f.count }))}
              active={filters.certification}
              onToggle={(value) => set({ cert: value })}
            />
            <FacetGroup
              name="price"
              title={t('shop.facet_price')}
              options={facets.price.map((f) => ({ value: f.value, label: priceLabel(f.value, currency, language, t), count: f.count }))}
              active={priceActive}
              activeLabel={priceActive ? priceFilterLabel() : undefined}
              onToggle={(value) => {
                const bucket = value ? parsePriceBucket(value) : undefined;
                set({
                  min: bucket ? minorToDecimal(bucket.min) : undefined,
                  max: bucket?.max !== undefined ? minorToDecimal(bucket.max - 1) : undefined,
                });
              }}
            />
            <PriceRange min={params.get('min') ?? ''} max={params.get('max') ?? ''} currency={currency} onApply={(min, max) => set({ min, max })} />
            {activeCount > 0 ? (
              <button type="button" className="button-small" data-testid="filters-clear" onClick={clearAll}>
                {t('shop.clear_filters')}
              </button>
            ) : null}
          </div>
        ) : null}
      </details>

      <ActiveFilters filters={active} onClear={clearAll} />

      <section className="results" aria-live="polite" aria-busy={results.isFetching} data-testid="shop-results">
        {results.isPending ? <Loading /> : null}
        {results.isError && !results.data ? (
          <div data-testid="shop-error">
            <ErrorBox error={results.error} testId="shop-error-message" />
            <button type="button" onClick={() => void results.refetch()} data-testid="shop-retry">
              {t('common.retry')}
            </button>
          </div>
        ) : null}
        {first ? (
          <p className="muted small" data-testid="shop-count" data-total={first.total}>
            {t('shop.result_count', { count: first.total, market: t(`shop.market.${market}`) })}
          </p>
        ) : null}
        {results.isSuccess && items.length === 0 ? (
          <div className="card empty" data-testid="shop-empty">
            <p>{filtered ? t('shop.empty_filtered') : t('shop.empty_market')}</p>
            {filtered ? (
              <Link href={pathOf(mode)} className="button" data-testid="shop-empty-reset">
                {t('shop.show_all')}
              </Link>
            ) : null}
          </div>
        ) : null}
        {items.length > 0 ? (
          <ul className="shop-grid" data-testid="shop-list">
            {items.map((hit) => (
              <ResultCard key={hit.product_id} hit={hit} market={market} />
            ))}
          </ul>
        ) : null}
        {results.hasNextPage ? (
          <button type="button" className="block" disabled={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()} data-testid="shop-more">
            {results.isFetchingNextPage ? t('common.loading') : t('shop.load_more')}
          </button>
        ) : null}
        {results.isFetchNextPageError ? <ErrorBox error={results.error} testId="shop-more-error" /> : null}
      </section>
    </div>
  );
}
