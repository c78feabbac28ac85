import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import type { Db, Tx } from '../../db/client.js';
import { reencryptColumns } from '../../db/pii.js';
import { localDate } from '../../kernel/clock.js';
import type { Ctx } from '../../kernel/context.js';
import { mask, type PiiCipher } from '../../kernel/crypto.js';
import { type FieldError, fail, invalidFields, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { maskResidentId, normalizeResidentId, residentIdProblem } from './resident-id.js';
import { buyerIdentities } from './schema.js';

type Queryable = Db | Tx;
type Row = typeof buyerIdentities.$inferSelect;

export interface BuyerIdentityInput {
  readonly full_name: string;
  readonly id_type: 'cn_resident_id' | 'passport';
  readonly id_number: string;
  readonly phone: string;
}

/** What any screen or answer shows: never the number or the phone in full. */
export interface BuyerIdentityView {
  id: string;
  id_type: 'cn_resident_id' | 'passport';
  full_name: string;
  id_number: string;
  phone: string;
  created_at: string;
}

function view(ctx: Ctx, row: Row): BuyerIdentityView {
  const name = ctx.pii.decrypt(row.full_name_encrypted);
  // A name is shown as customs forms print it on screens: first character, the rest masked.
  const shown = [...name].map((c, i) => (i === 0 || c === ' ' ? c : '•')).join('');
  return {
    id: row.id,
    id_type: row.id_type,
    full_name: shown,
    id_number: row.id_number_masked,
    phone: row.phone_masked,
    created_at: row.created_at.toISOString(),
  };
}

const PHONE = /^\+?[0-9]{6,15}$/;
const PASSPORT = /^[A-Z0-9]{5,20}$/;

/** China time: the birth date inside a resident ID may not be after today there. */
function chinaToday(now: Date): string {
  return localDate(now, 8);
}

/** The blind index an ID number is found by (the same normalisation whoever asks: checkout, a partner's payer). */
export function identityIndex(pii: PiiCipher, id_type: 'cn_resident_id' | 'passport', raw_number: string): string {
  let number = raw_number.replace(/\s/g, '').toUpperCase();
  if (id_type === 'cn_resident_id') number = normalizeResidentId(number);
  return pii.blindIndex(`${id_type}:${number}`, 'buyer_id_number');
}

export async function createBuyerIdentity(tx: Tx, ctx: Ctx, input: BuyerIdentityInput): Promise<Result<BuyerIdentityView>> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return fail('unauthorized', 'authentication_required');
  const errors: FieldError[] = [];
  const full_name = input.full_name.trim().replace(/\s+/g, ' ');
  if (!full_name) errors.push({ path: 'full_name', code: 'required' });
  let number = input.id_number.replace(/\s/g, '').toUpperCase();
  if (input.id_type === 'cn_resident_id') {
    number = normalizeResidentId(number);
    const problem = residentIdProblem(number, chinaToday(ctx.clock.now()));
    if (problem) errors.push({ path: 'id_number', code: problem });
  } else if (!PASSPORT.test(number)) errors.push({ path: 'id_number', code: 'passport_format' });
  const phone = input.phone.replace(/[\s()-]/g, '');
  if (!PHONE.test(phone)) errors.push({ path: 'phone', code: 'phone_format' });
  if (errors.length > 0) return invalidFields(errors);
  const now = ctx.clock.now();
  const row: Row = {
    id: newId('bid', now.getTime()),
    user_id: ctx.actor.user_id,
    id_type: input.id_type,
    full_name_encrypted: ctx.pii.encrypt(full_name),
    id_number_encrypted: ctx.pii.encrypt(number),
    id_number_index: identityIndex(ctx.pii, input.id_type, number),
    id_number_masked: input.id_type === 'cn_resident_id' ? maskResidentId(number) : mask(number, 3),
    phone_encrypted: ctx.pii.encrypt(phone),
    phone_masked: mask(phone, 4),
    created_at: now,
    erased_at: null,
  };
  await tx.insert(buyerIdentities).values(row);
  // The audit log holds no personal data: the masked number only.
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'buyer_identity.created', entity_type: 'buyer_identity', entity_id: row.id, after: { id_type: row.id_type, id_number: row.id_number_masked } },
  );
  return ok(view(ctx, row));
}

export async function listBuyerIdentities(q: Queryable, ctx: Ctx): Promise<BuyerIdentityView[]> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return [];
  const rows = await q
    .select()
    .from(buyerIdentities)
    .where(and(eq(buyerIdentities.user_id, ctx.actor.user_id), isNull(buyerIdentities.erased_at)))
    .orderBy(desc(buyerIdentities.id))
    .limit(50);
  return rows.map((r) => view(ctx, r));
}

export async function getBuyerIdentity(q: Queryable, ctx: Ctx, id: string): Promise<Result<BuyerIdentityView>> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return fail('unauthorized', 'authentication_required');
  const [row] = await q
    .select()
    .from(buyerIdentities)
    .where(and(eq(buyerIdentities.id, id), eq(buyerIdentities.user_id, ctx.actor.user_id), isNull(buyerIdentities.erased_at)));
  return row ? ok(view(ctx, row)) : fail('not_found', 'buyer_identity_not_found');
}

/** What a checkout needs of the caller's identity: its type and the blind index the annual allowance is counted by. */
export async function identityFacts(
  q: Queryable,
  ctx: Ctx,
  id: string,
): Promise<Result<{ id: string; id_type: 'cn_resident_id' | 'passport'; id_number_index: string; id_number_masked: string }>> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return fail('unauthorized', 'authentication_required');
  const [row] = await q
    .select({
      id: buyerIdentities.id,
      id_type: buyerIdentities.id_type,
      id_number_index: buyerIdentities.id_number_index,
      id_number_masked: buyerIdentities.id_number_masked,
    })
    .from(buyerIdentities)
    .where(and(eq(buyerIdentities.id, id), eq(buyerIdentities.user_id, ctx.actor.user_id), isNull(buyerIdentities.erased_at)));
  return row ? ok(row) : fail('not_found', 'buyer_identity_not_found', { errors: [{ path: 'buyer_identity_id', code: 'buyer_identity_not_found' }] });
}

/** Everything held about one of the caller's identities, decrypted (PDPA s.30 / PIPL art. 45 access request). */
export async function exportBuyerIdentity(q: Queryable, ctx: Ctx, id: string) {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return fail('unauthorized', 'authentication_required');
  const [row] = await q
    .select()
    .from(buyerIdentities)
    .where(and(eq(buyerIdentities.id, id), eq(buyerIdentities.user_id, ctx.actor.user_id), isNull(buyerIdentities.erased_at)));
  if (!row) return fail('not_found', 'buyer_identity_not_found');
  return ok({
    id: row.id,
    id_type: row.id_type,
    full_name: ctx.pii.decrypt(row.full_name_encrypted),
    id_number: ctx.pii.decrypt(row.id_number_encrypted),
    phone: ctx.pii.decrypt(row.phone_encrypted),
    created_at: row.created_at.toISOString(),
  });
}

/**
 * Erases an identity on the buyer's request. Unused, it is deleted. Used by orders, the name and ID
 * number stay (encrypted) because customs declarations must be kept (the caller says why); the phone
 * is erased and the identity can no longer be chosen.
 */
export async function eraseBuyerIdentity(tx: Tx, ctx: Ctx, id: string, options: { keep_for_customs: boolean }) {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return fail('unauthorized', 'authentication_required');
  const now = ctx.clock.now();
  const where = and(eq(buyerIdentities.id, id), eq(buyerIdentities.user_id, ctx.actor.user_id), isNull(buyerIdentities.erased_at));
  const gone = options.keep_for_customs
    ? await tx
        .update(buyerIdentities)
        .set({ erased_at: now, phone_encrypted: ctx.pii.encrypt(''), phone_masked: '' })
        .where(where)
        .returning({ id: buyerIdentities.id })
    : await tx.delete(buyerIdentities).where(where).returning({ id: buyerIdentities.id });
  if (gone.length === 0) return fail('not_found', 'buyer_identity_not_found');
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'buyer_identity.erased', entity_type: 'buyer_identity', entity_id: id, after: { kept_for_customs: options.keep_for_customs } },
  );
  return ok({
    id,
    erased: options.keep_for_customs ? ['phone'] : ['full_name', 'id_number', 'phone'],
    kept: options.keep_for_customs ? ['full_name', 'id_number'] : [],
    reason: options.keep_for_customs ? 'customs_records_retention' : null,
  });
}

/** Rewrites buyer identities under the current PII key (`saphan pii rotate`). */
export async function rotatePii(db: Db, pii: PiiCipher): Promise<number> {
  return reencryptColumns(db, pii, buyerIdentities, buyerIdentities.id, [
    buyerIdentities.full_name_encrypted,
    buyerIdentities.id_number_encrypted,
    buyerIdentities.phone_encrypted,
  ]);
}

/**
 * The particulars customs needs for an order (buyerName, buyerIdNumber, buyerTelephone): read by the
 * declaration flow, not by a person, so no owner check; kept after an erasure that retained them for
 * customs (the phone may then be empty).
 */
export async function customsParticulars(
  q: Queryable,
  pii: PiiCipher,
  id: string,
): Promise<{ full_name: string; id_number: string; phone: string } | undefined> {
  const [row] = await q.select().from(buyerIdentities).where(eq(buyerIdentities.id, id));
  if (!row) return undefined;
  return { full_name: pii.decrypt(row.full_name_encrypted), id_number: pii.decrypt(row.id_number_encrypted), phone: pii.decrypt(row.phone_encrypted) };
}
