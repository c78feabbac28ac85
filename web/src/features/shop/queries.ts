import { type QueryClient, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Category, type Market, type Product, type SearchHit, type SearchQuery } from '../../api.js';
import { isLanguage, type Language, pick } from '../../i18n/index.js';
import { useCategories } from '../catalogue/shared.js';
import { useOnboardingReference } from '../sellers/shared.js';

export const PAGE_SIZE = 20;

/** The UI language as a Language (i18next may briefly hold something else). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'th';
}

/** What the storefront asks the search for, besides the market (the URL holds it). */
export interface Filters {
  q: string;
  category?: string | undefined;
  province?: string | undefined;
  otop_stars_min?: number | undefined;
  certification?: string | undefined;
  /** Whole satang. */
  price_min?: number | undefined;
  price_max?: number | undefined;
}

const hitKey = (id: string) => ['shop-hit', id] as const;

function remember(client: QueryClient, hits: readonly SearchHit[]): void {
  for (const hit of hits) client.setQueryData(hitKey(hit.product_id), hit);
}

/**
 * Search results page by page ("load more" follows next_cursor). Titles come in the market's language. Each hit is
 * kept for the product page, which takes the certificate types from it.
 */
export function useShopSearch(market: Market, filters: Filters) {
  const client = useQueryClient();
  return useInfiniteQuery({
    queryKey: ['search', market, filters],
    queryFn: async ({ pageParam, signal }) => {
      const query: SearchQuery = { ...filters, market, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) };
      const page = await api.search(query, signal);
      remember(client, page.items);
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    staleTime: 30_000,
  });
}

/**
 * The search hit of one product: from a result list the buyer came from, else found again by its Thai title in a
 * market where it may be sold. GET /products/{id} names certificates by id only, and certificates are not public.
 */
export function useProductHit(product: Product | undefined, market: Market) {
  return useQuery({
    queryKey: hitKey(product?.id ?? ''),
    enabled: !!product,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<SearchHit | null> => {
      if (!product) return null;
      const markets = [market, ...(['TH', 'CN_CBEC', 'INTL'] as const).filter((m) => m !== market)].filter((m) => product.eligibility[m].eligible);
      for (const m of markets) {
        const page = await api.search({ q: product.title.th.slice(0, 200), market: m, limit: 50 });
        const hit = page.items.find((h) => h.product_id === product.id);
        if (hit) return hit;
      }
      return null;
    },
  });
}

/** Province names in the UI language by ISO code (TH-22 → 尖竹汶); the code itself until the reference arrives. */
export function useProvinceName(): (code: string) => string {
  const language = useLanguage();
  const reference = useOnboardingReference();
  const byCode = new Map((reference.data?.provinces ?? []).map((p) => [p.code, p.name]));
  return (code) => {
    const names = byCode.get(code);
    return names ? pick(names, language) : code;
  };
}

/** Categories by code with their names in the UI language. */
export function useCategoryNames(): { byCode: Map<string, Category>; name: (code: string) => string; categories: Category[]; isPending: boolean } {
  const language = useLanguage();
  const categories = useCategories();
  const list = categories.data?.items ?? [];
  const byCode = new Map(list.map((c) => [c.code, c]));
  return {
    byCode,
    categories: list,
    isPending: categories.isPending,
    name: (code) => {
      const category = byCode.get(code);
      return category ? pick(category.name, language) : code;
    },
  };
}
