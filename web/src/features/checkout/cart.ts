import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiError, type Market } from '../../api.js';
import { useMe } from '../../session.js';
import { type Cart, shopApi } from './api.js';

/**
 * The buyer's cart, one per market (a cart is priced in its market's currency and rules): its id is remembered on this
 * device per signed-in user and market; the items live on the server (GET /carts/{id}). A cart that is gone or already
 * checked out is forgotten, and the next "add to cart" starts a new one.
 */

const PREFIX = 'saphan.cart';
const LABELS_KEY = 'saphan.cart.labels';

/** What the cart shows of a variant before a quote names it: enough to recognise it and link back to it. */
export interface ItemLabel {
  product_id: string;
  sku: string;
  title: { th: string; zh?: string | undefined; en?: string | undefined };
}

const memory = new Map<string, string | null>();
const listeners = new Set<() => void>();

const storageKey = (user: string, market: Market) => `${PREFIX}.${user}.${market}`;

function read(key: string): string | null {
  if (memory.has(key)) return memory.get(key) ?? null;
  try {
    const value = localStorage.getItem(key);
    memory.set(key, value);
    return value;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  memory.set(key, value);
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // Private mode: the cart lasts for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (!event.key?.startsWith(PREFIX)) return;
    memory.delete(event.key);
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function storedCartId(user: string, market: Market): string | null {
  return read(storageKey(user, market));
}

export function forgetCart(user: string, market: Market): void {
  write(storageKey(user, market), null);
}

function rememberCart(user: string, market: Market, id: string): void {
  write(storageKey(user, market), id);
}

function labels(): Record<string, ItemLabel> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(LABELS_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, ItemLabel>) : {};
  } catch {
    return {};
  }
}

/** The label saved when the variant was put in a cart, if this device did it. */
export function itemLabel(variantId: string): ItemLabel | undefined {
  return labels()[variantId];
}

function rememberLabel(variantId: string, label: ItemLabel): void {
  try {
    const all = labels();
    all[variantId] = label;
    // A bounded memo: the 200 most recent variants are plenty for carts of at most 50 lines.
    const kept = Object.entries(all).slice(-200);
    localStorage.setItem(LABELS_KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Without storage the cart names items from their quote.
  }
}

export const cartKey = (user: string, market: Market) => ['cart', user, market] as const;

/** The id of the cart of a market for the signed-in user (null before the first item). */
export function useCartId(market: Market): { user: string | undefined; cartId: string | null } {
  const user = useMe().data?.id;
  const cartId = useSyncExternalStore(
    subscribe,
    () => (user ? storedCartId(user, market) : null),
    () => null,
  );
  return { user, cartId };
}

/** The cart of a market, or null when there is none (never started, gone, or checked out). */
export function useCart(market: Market) {
  const { user, cartId } = useCartId(market);
  return useQuery({
    queryKey: [...cartKey(user ?? '', market), cartId],
    enabled: !!user,
    queryFn: async (): Promise<Cart | null> => {
      if (!user || !cartId) return null;
      try {
        const cart = await shopApi.getCart(cartId);
        if (cart.checked_out_at || cart.market !== market) {
          forgetCart(user, market);
          return null;
        }
        return cart;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          forgetCart(user, market);
          return null;
        }
        throw error;
      }
    },
  });
}

/** Pieces in a cart (the header's count). */
export function cartCount(cart: Cart | null | undefined): number {
  return cart?.items.reduce((sum, item) => sum + item.quantity, 0) ?? 0;
}

/** The cart a write goes to: the remembered one, or a new one for the market. */
async function ensureCart(user: string, market: Market, fresh: boolean): Promise<string> {
  const known = fresh ? null : storedCartId(user, market);
  if (known) return known;
  const cart = await shopApi.createCart(market);
  rememberCart(user, market, cart.id);
  return cart.id;
}

/** A cart that can no longer take items: it is gone (another user on this device) or was checked out. */
function cartUnusable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'cart_not_found' || error.code === 'cart_checked_out');
}

/** Puts a variant in the market's cart, starting one when needed (and again when the remembered one is unusable). */
export function useAddToCart(market: Market) {
  const client = useQueryClient();
  const user = useMe().data?.id;
  return useMutation({
    mutationFn: async (input: { variant_id: string; quantity: number; label: ItemLabel }): Promise<Cart> => {
      if (!user) throw new ApiError({ title: 'authentication_required', status: 401, code: 'authentication_required', errors: [] });
      rememberLabel(input.variant_id, input.label);
      const body = { variant_id: input.variant_id, quantity: input.quantity };
      const cartId = await ensureCart(user, market, false);
      try {
        return await shopApi.setCartItem(cartId, body);
      } catch (error) {
        if (!cartUnusable(error)) throw error;
        forgetCart(user, market);
        return shopApi.setCartItem(await ensureCart(user, market, true), body);
      }
    },
    onSuccess: (cart) => {
      if (user) {
        rememberCart(user, market, cart.id);
        client.setQueryData([...cartKey(user, market), cart.id], cart);
      }
    },
  });
}

/** Changes a line of a cart (a new quantity, or removal) and keeps the cached cart in step. */
export function useCartLine(market: Market, cartId: string) {
  const client = useQueryClient();
  const user = useMe().data?.id ?? '';
  const settle = (cart: Cart) => client.setQueryData([...cartKey(user, market), cartId], cart);
  const setQuantity = useMutation({
    mutationFn: (input: { variant_id: string; quantity: number }) => shopApi.setCartItem(cartId, { ...input, replace: true }),
    onSuccess: settle,
  });
  const remove = useMutation({
    mutationFn: (variantId: string) => shopApi.removeCartItem(cartId, variantId),
    onSuccess: settle,
  });
  return { setQuantity, remove };
}
