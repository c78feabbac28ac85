import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { MARKETS, type Market } from '../../api.js';
import { isLanguage, type Language } from '../../i18n/index.js';

/**
 * The market a buyer shops in: China cross-border (CN_CBEC), international (INTL) or Thailand (TH). Chosen with the
 * switcher and remembered on this device; until then it follows the UI language (中文 → CN_CBEC, English → INTL,
 * ไทย → TH). Search shows only what may be sold in the market, with titles in the market's language.
 */

const STORAGE_KEY = 'saphan.market';

export const MARKET_OF_LANGUAGE: Record<Language, Market> = { zh: 'CN_CBEC', en: 'INTL', th: 'TH' };
export const LANGUAGE_OF_MARKET: Record<Market, Language> = { CN_CBEC: 'zh', INTL: 'en', TH: 'th' };

export function isMarket(value: unknown): value is Market {
  return typeof value === 'string' && (MARKETS as readonly string[]).includes(value);
}

function stored(): Market | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isMarket(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const listeners = new Set<() => void>();
/** The choice in memory too, for private mode where localStorage throws. */
let chosen: Market | undefined = typeof localStorage === 'undefined' ? undefined : stored();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    chosen = stored();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function chooseMarket(market: Market): void {
  chosen = market;
  try {
    localStorage.setItem(STORAGE_KEY, market);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

/** The market chosen on this device, or the one that goes with the UI language. */
export function useMarket(): Market {
  const { i18n } = useTranslation();
  const choice = useSyncExternalStore(
    subscribe,
    () => chosen,
    () => undefined,
  );
  return choice ?? MARKET_OF_LANGUAGE[isLanguage(i18n.language) ? i18n.language : 'th'];
}
