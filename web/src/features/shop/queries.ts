import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Category, type Market, type SearchQuery } from '../../api.js';
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

/** Search results page by page ("load more" follows next_cursor). Titles come in the market's language. */
export function useShopSearch(market: Market, filters: Filters) {
  return useInfiniteQuery({
    queryKey: ['search', market, filters],
    queryFn: ({ pageParam, signal }) => {
      const query: SearchQuery = { ...filters, market, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) };
      return api.search(query, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    staleTime: 30_000,
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
