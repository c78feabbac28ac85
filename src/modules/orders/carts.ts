import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../kernel/context.js';
import { fail, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { cartItems, carts } from './schema.js';

type Queryable = Db | Tx;
type Market = 'TH' | 'CN_CBEC' | 'INTL';

export interface CartView {
  id: string;
  market: Market;
  items: { variant_id: string; quantity: number; added_at: string }[];
  checked_out_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Carts belong to a signed-in buyer; anybody else's cart is "not found". */
function ownerOf(ctx: Ctx): string | undefined {
  return ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : undefined;
}

export async function createCart(tx: Tx, ctx: Ctx, input: { market: Market }): Promise<Result<CartView>> {
  const user_id = ownerOf(ctx);
  if (!user_id) return fail('unauthorized', 'authentication_required');
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(carts)
    .values({ id: newId('crt', now.getTime()), user_id, market: input.market, checked_out_at: null, created_at: now, updated_at: now })
    .returning();
  if (!row) throw new Error('cart insert returned nothing');
  return ok({ id: row.id, market: row.market, items: [], checked_out_at: null, created_at: now.toISOString(), updated_at: now.toISOString() });
}

export async function getCart(q: Queryable, ctx: Ctx, id: string, options: { lock?: boolean } = {}): Promise<Result<CartView>> {
  const user_id = ownerOf(ctx);
  if (!user_id) return fail('unauthorized', 'authentication_required');
  const query = q
    .select()
    .from(carts)
    .where(and(eq(carts.id, id), eq(carts.user_id, user_id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) return fail('not_found', 'cart_not_found');
  const items = await q.select().from(cartItems).where(eq(cartItems.cart_id, id)).orderBy(asc(cartItems.variant_id));
  return ok({
    id: row.id,
    market: row.market,
    items: items.map((i) => ({ variant_id: i.variant_id, quantity: i.quantity, added_at: i.added_at.toISOString() })),
    checked_out_at: row.checked_out_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  });
}

/** Sets an item's quantity (adding the variant when new). The caller has checked that the variant exists and may be sold. */
export async function setItem(tx: Tx, ctx: Ctx, input: { cart_id: string; variant_id: string; quantity: number; add?: boolean }): Promise<Result<CartView>> {
  const cart = await getCart(tx, ctx, input.cart_id, { lock: true });
  if (!cart.ok) return cart;
  if (cart.value.checked_out_at) return fail('conflict', 'cart_checked_out');
  const now = ctx.clock.now();
  await tx
    .insert(cartItems)
    .values({ cart_id: input.cart_id, variant_id: input.variant_id, quantity: input.quantity, added_at: now })
    .onConflictDoUpdate({
      target: [cartItems.cart_id, cartItems.variant_id],
      set: { quantity: input.add ? sql`${cartItems.quantity} + excluded.quantity` : sql`excluded.quantity` },
    });
  await tx.update(carts).set({ updated_at: now }).where(eq(carts.id, input.cart_id));
  return getCart(tx, ctx, input.cart_id);
}

export async function removeItem(tx: Tx, ctx: Ctx, input: { cart_id: string; variant_id: string }): Promise<Result<CartView>> {
  const cart = await getCart(tx, ctx, input.cart_id, { lock: true });
  if (!cart.ok) return cart;
  if (cart.value.checked_out_at) return fail('conflict', 'cart_checked_out');
  const gone = await tx
    .delete(cartItems)
    .where(and(eq(cartItems.cart_id, input.cart_id), eq(cartItems.variant_id, input.variant_id)))
    .returning();
  if (gone.length === 0) return fail('not_found', 'cart_item_not_found');
  await tx.update(carts).set({ updated_at: ctx.clock.now() }).where(eq(carts.id, input.cart_id));
  return getCart(tx, ctx, input.cart_id);
}

/** Closes a cart for a checkout: only once (the guard refuses a second checkout of the same cart). */
export async function checkOutCart(tx: Tx, ctx: Ctx, id: string): Promise<boolean> {
  const now = ctx.clock.now();
  const closed = await tx
    .update(carts)
    .set({ checked_out_at: now, updated_at: now })
    .where(and(eq(carts.id, id), isNull(carts.checked_out_at)))
    .returning({ id: carts.id });
  return closed.length > 0;
}
