import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import { type Db, isUniqueViolation, type Tx } from '../../db/client.js';
import { type Actor, type Ctx, hasRole, memberRole } from '../../kernel/context.js';
import { mask, type PiiCipher } from '../../kernel/crypto.js';
import { type FieldError, fail, invalidFields, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { BANK_BY_CODE } from './reference/banks.js';
import { PROVINCE_BY_CODE } from './reference/provinces.js';
import { type PromptPayKind, parseBankAccount, parseOtopRegistration, parsePromptPayId, parseTaxId, type TaxIdKind } from './rules.js';
import { sellerStatusHistory, sellers } from './schema.js';
import { isEditable, nextStatus, PDPA_NOTICE_VERSION, REJECTION_REASONS, type RejectionReasonCode, type SellerAction, type SellerStatus } from './states.js';

type Queryable = Db | Tx;
type SellerRow = typeof sellers.$inferSelect;

export interface PayoutInput {
  readonly promptpay_id?: string | undefined;
  readonly bank_code?: string | undefined;
  readonly account_number?: string | undefined;
}

export interface SellerInput {
  readonly legal_name_th: string;
  readonly legal_name_en?: string | null | undefined;
  readonly tax_id: string;
  readonly province_code: string;
  readonly otop_registration?: string | null | undefined;
  readonly payout: PayoutInput;
  readonly pdpa_consent: boolean;
  readonly pdpa_notice_version?: string | undefined;
}

type NormalisedPayout =
  | { kind: 'promptpay'; promptpay_id: string; promptpay_kind: PromptPayKind }
  | { kind: 'bank_account'; bank_code: string; account_number: string };

interface Normalised {
  tax_id?: { tax_id: string; kind: TaxIdKind };
  payout?: NormalisedPayout;
  otop_registration?: string | null;
}

/**
 * Checks the domain rules of whatever fields are present (all of them on create), reporting every
 * failing field at once. Shape and lengths were already checked by the route's schema.
 */
export function validateSellerFields(input: Partial<SellerInput>, mode: 'create' | 'patch'): { errors: FieldError[]; normalised: Normalised } {
  const errors: FieldError[] = [];
  const normalised: Normalised = {};
  if (input.tax_id !== undefined) {
    const r = parseTaxId(input.tax_id);
    if (r.ok) normalised.tax_id = r.value;
    else errors.push({ path: 'tax_id', code: r.code });
  }
  if (input.province_code !== undefined && !PROVINCE_BY_CODE.has(input.province_code)) errors.push({ path: 'province_code', code: 'province_unknown' });
  if (input.otop_registration !== undefined && input.otop_registration !== null && input.otop_registration.trim() !== '') {
    const r = parseOtopRegistration(input.otop_registration);
    if (r.ok) normalised.otop_registration = r.value;
    else errors.push({ path: 'otop_registration', code: r.code });
  } else if (input.otop_registration !== undefined) normalised.otop_registration = null;
  if (input.payout !== undefined) validatePayout(input.payout, errors, normalised);
  if (mode === 'create' && input.pdpa_consent !== true) errors.push({ path: 'pdpa_consent', code: 'pdpa_consent_required' });
  // Consent names the text it was given to (PDPA Section 19): a form showing an older notice must show the new one.
  if (input.pdpa_notice_version !== undefined && input.pdpa_notice_version !== PDPA_NOTICE_VERSION) {
    errors.push({ path: 'pdpa_notice_version', code: 'pdpa_notice_outdated' });
  }
  return { errors, normalised };
}

function validatePayout(payout: PayoutInput, errors: FieldError[], normalised: Normalised): void {
  const has_promptpay = payout.promptpay_id !== undefined;
  const has_bank = payout.bank_code !== undefined || payout.account_number !== undefined;
  if (has_promptpay === has_bank) {
    errors.push({ path: 'payout', code: 'payout_one_of' });
    return;
  }
  if (has_promptpay) {
    const r = parsePromptPayId(payout.promptpay_id ?? '');
    if (r.ok) normalised.payout = { kind: 'promptpay', promptpay_id: r.value.promptpay_id, promptpay_kind: r.value.kind };
    else errors.push({ path: 'payout.promptpay_id', code: r.code });
    return;
  }
  if (payout.bank_code === undefined) errors.push({ path: 'payout.bank_code', code: 'required' });
  if (payout.account_number === undefined) errors.push({ path: 'payout.account_number', code: 'required' });
  if (payout.bank_code === undefined || payout.account_number === undefined) return;
  const r = parseBankAccount(payout.bank_code, payout.account_number);
  if (r.ok) normalised.payout = { kind: 'bank_account', ...r.value };
  else errors.push({ path: r.path ?? 'payout', code: r.code, ...(r.params ? { params: r.params } : {}) });
}

export interface SellerView {
  id: string;
  org_id: string;
  status: SellerStatus;
  legal_name_th: string;
  legal_name_en: string | null;
  tax_id: string;
  tax_id_masked: string;
  tax_id_kind: TaxIdKind;
  province_code: string;
  province: { code: string; name: { th: string; zh: string; en: string } };
  otop_registration: string | null;
  payout:
    | { kind: 'promptpay'; promptpay_id: string; promptpay_kind: PromptPayKind; masked: string }
    | { kind: 'bank_account'; bank_code: string; bank_name: { th: string; zh: string; en: string }; account_number: string; masked: string };
  pdpa_consent: { notice_version: string; consented_at: string; channel: 'web' | 'api' | 'cli' };
  rejection: { reason_code: string; reason: string; note: string } | null;
  created_at: string;
  updated_at: string;
}

/**
 * The API view. `full` is for a single seller read by its members or a reviewer; lists carry only the
 * masked forms, so that a queue page never hands out personal data in bulk.
 */
function toView(ctx: Ctx, row: SellerRow, detail: 'full' | 'masked' = 'full'): SellerView {
  const tax_id = detail === 'full' ? ctx.pii.decrypt(row.tax_id_encrypted) : mask(`${'0'.repeat(9)}${row.tax_id_last4}`);
  const payout_value = detail === 'full' ? ctx.pii.decrypt(row.payout_encrypted) : mask(`${'0'.repeat(6)}${row.payout_last4}`);
  const province = PROVINCE_BY_CODE.get(row.province_code);
  const reason = row.rejection_reason_code ? REJECTION_REASONS[row.rejection_reason_code as RejectionReasonCode] : undefined;
  return {
    id: row.id,
    org_id: row.org_id,
    status: row.status,
    legal_name_th: row.legal_name_th,
    legal_name_en: row.legal_name_en,
    tax_id,
    tax_id_masked: mask(tax_id),
    tax_id_kind: row.tax_id_kind,
    province_code: row.province_code,
    province: { code: row.province_code, name: province ? { ...province.name } : { th: row.province_code, zh: row.province_code, en: row.province_code } },
    otop_registration: row.otop_registration,
    payout:
      row.payout_kind === 'promptpay'
        ? { kind: 'promptpay', promptpay_id: payout_value, promptpay_kind: row.promptpay_kind ?? 'mobile', masked: mask(payout_value) }
        : {
            kind: 'bank_account',
            bank_code: row.payout_bank_code ?? '',
            bank_name: { ...(BANK_BY_CODE.get(row.payout_bank_code ?? '')?.name ?? { th: '', zh: '', en: '' }) },
            account_number: payout_value,
            masked: mask(payout_value),
          },
    pdpa_consent: { notice_version: row.pdpa_notice_version, consented_at: row.pdpa_consented_at.toISOString(), channel: row.pdpa_channel },
    rejection:
      row.status === 'rejected' && row.rejection_reason_code
        ? { reason_code: row.rejection_reason_code, reason: reason ? reason[ctx.locale] : row.rejection_reason_code, note: row.rejection_note ?? '' }
        : null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** Audit snapshots hold masked personal data only. */
function auditSnapshot(row: SellerRow) {
  return {
    status: row.status,
    legal_name_th: row.legal_name_th,
    legal_name_en: row.legal_name_en,
    tax_id: `…${row.tax_id_last4}`,
    province_code: row.province_code,
    otop_registration: row.otop_registration,
    payout: `${row.payout_kind}:…${row.payout_last4}`,
    rejection_reason_code: row.rejection_reason_code,
  };
}

/** Platform roles that may see every seller (the verification queue). */
function isReviewer(actor: Actor): boolean {
  return hasRole(actor, 'compliance_officer', 'admin');
}

/** A seller is visible to its organisation and to reviewers; to anyone else it does not exist. */
function canSee(actor: Actor, row: SellerRow): boolean {
  return isReviewer(actor) || memberRole(actor, row.org_id) !== undefined;
}

async function loadVisible(q: Queryable, ctx: Ctx, id: string, lock = false): Promise<Result<SellerRow>> {
  const query = q.select().from(sellers).where(eq(sellers.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !canSee(ctx.actor, row)) return fail('not_found', 'seller_not_found');
  return ok(row);
}

export interface CreateSellerInput extends SellerInput {
  readonly org_id: string;
  readonly channel: 'web' | 'api' | 'cli';
}

/** Creates a seller in `draft` for an organisation the onboarding flow has just created. */
export async function createSeller(tx: Tx, ctx: Ctx, input: CreateSellerInput): Promise<Result<SellerView>> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key' && ctx.actor.kind !== 'system') return fail('unauthorized', 'authentication_required');
  const { errors, normalised } = validateSellerFields(input, 'create');
  if (errors.length > 0 || !normalised.tax_id || !normalised.payout) return invalidFields(errors);
  const now = ctx.clock.now();
  const payout_value = normalised.payout.kind === 'promptpay' ? normalised.payout.promptpay_id : normalised.payout.account_number;
  const row: SellerRow = {
    id: newId('slr', now.getTime()),
    org_id: input.org_id,
    status: 'draft',
    legal_name_th: input.legal_name_th.trim(),
    legal_name_en: input.legal_name_en?.trim() || null,
    tax_id_kind: normalised.tax_id.kind,
    tax_id_index: ctx.pii.blindIndex(normalised.tax_id.tax_id, 'tax_id'),
    tax_id_encrypted: ctx.pii.encrypt(normalised.tax_id.tax_id),
    tax_id_last4: normalised.tax_id.tax_id.slice(-4),
    province_code: input.province_code,
    otop_registration: normalised.otop_registration ?? null,
    payout_kind: normalised.payout.kind,
    promptpay_kind: normalised.payout.kind === 'promptpay' ? normalised.payout.promptpay_kind : null,
    payout_bank_code: normalised.payout.kind === 'bank_account' ? normalised.payout.bank_code : null,
    payout_encrypted: ctx.pii.encrypt(payout_value),
    payout_last4: payout_value.slice(-4),
    payout_changed_at: now,
    pdpa_notice_version: PDPA_NOTICE_VERSION,
    pdpa_consented_at: now,
    pdpa_channel: input.channel,
    rejection_reason_code: null,
    rejection_note: null,
    created_by: ctx.actor.kind === 'system' ? 'system' : ctx.actor.user_id,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  try {
    await tx.transaction(async (sp) => {
      await sp.insert(sellers).values(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail('conflict', 'tax_id_taken', { errors: [{ path: 'tax_id', code: 'tax_id_taken' }] });
    throw error;
  }
  await recordHistory(tx, ctx, row.id, null, 'draft', 'create', now);
  await recordAudit(tx, { ...ctx, now }, { action: 'seller.created', entity_type: 'seller', entity_id: row.id, org_id: row.org_id, after: auditSnapshot(row) });
  return ok(toView(ctx, row));
}

async function recordHistory(
  tx: Tx,
  ctx: Ctx,
  seller_id: string,
  from: SellerStatus | null,
  to: SellerStatus,
  action: string,
  at: Date,
  detail?: unknown,
): Promise<void> {
  await tx.insert(sellerStatusHistory).values({
    id: newId('aud', at.getTime()),
    seller_id,
    at,
    from_status: from,
    to_status: to,
    action,
    actor_id: ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null,
    detail: detail ?? null,
  });
}

export async function getSeller(q: Queryable, ctx: Ctx, id: string): Promise<Result<SellerView>> {
  const row = await loadVisible(q, ctx, id);
  return row.ok ? ok(toView(ctx, row.value)) : row;
}

export async function getSellerHistory(q: Queryable, ctx: Ctx, id: string) {
  const row = await loadVisible(q, ctx, id);
  if (!row.ok) return row;
  const items = await q
    .select()
    .from(sellerStatusHistory)
    .where(eq(sellerStatusHistory.seller_id, id))
    .orderBy(asc(sellerStatusHistory.at), asc(sellerStatusHistory.id));
  return ok(
    items.map((h) => ({
      at: h.at.toISOString(),
      from_status: h.from_status,
      to_status: h.to_status,
      action: h.action,
      actor_id: h.actor_id,
      detail: h.detail,
    })),
  );
}

export interface ListSellersInput {
  readonly status?: SellerStatus | undefined;
  readonly after_id?: string | undefined;
  readonly limit: number;
}

/** Reviewers see every seller (oldest first, a queue); everyone else sees their own organisations' sellers. */
export async function listSellers(q: Queryable, ctx: Ctx, input: ListSellersInput): Promise<{ items: SellerView[]; last_id: string | null }> {
  const filters: SQL[] = [];
  if (!isReviewer(ctx.actor)) {
    const orgs = ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.memberships.map((m) => m.org_id) : [];
    if (orgs.length === 0) return { items: [], last_id: null };
    filters.push(inArray(sellers.org_id, orgs));
  }
  if (input.status) filters.push(eq(sellers.status, input.status));
  if (input.after_id) filters.push(gt(sellers.id, input.after_id));
  const rows = await q
    .select()
    .from(sellers)
    .where(and(...filters))
    .orderBy(asc(sellers.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return { items: page.map((r) => toView(ctx, r, 'masked')), last_id: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

export type SellerPatch = Partial<Omit<SellerInput, 'pdpa_consent' | 'pdpa_notice_version'>>;

/** Members edit their application while it is `draft` or `rejected`. */
export async function updateSeller(tx: Tx, ctx: Ctx, id: string, patch: SellerPatch): Promise<Result<SellerView>> {
  const loaded = await loadVisible(tx, ctx, id, true);
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  if (memberRole(ctx.actor, before.org_id) === undefined) return fail('forbidden', 'forbidden');
  // A verified seller may still change where they are paid (a new bank); payouts soon after are held for review.
  const payout_only = Object.keys(patch).every((k) => k === 'payout');
  if (!isEditable(before.status) && !(before.status === 'verified' && payout_only)) return fail('conflict', 'seller_not_editable');
  const { errors, normalised } = validateSellerFields(patch, 'patch');
  if (errors.length > 0) return invalidFields(errors);
  const now = ctx.clock.now();
  const changes: Partial<SellerRow> = { updated_at: now, version: before.version + 1 };
  if (patch.legal_name_th !== undefined) changes.legal_name_th = patch.legal_name_th.trim();
  if (patch.legal_name_en !== undefined) changes.legal_name_en = patch.legal_name_en?.trim() || null;
  if (patch.province_code !== undefined) changes.province_code = patch.province_code;
  if (normalised.otop_registration !== undefined) changes.otop_registration = normalised.otop_registration;
  if (normalised.tax_id) {
    Object.assign(changes, {
      tax_id_kind: normalised.tax_id.kind,
      tax_id_index: ctx.pii.blindIndex(normalised.tax_id.tax_id, 'tax_id'),
      tax_id_encrypted: ctx.pii.encrypt(normalised.tax_id.tax_id),
      tax_id_last4: normalised.tax_id.tax_id.slice(-4),
    });
  }
  if (normalised.payout) {
    const value = normalised.payout.kind === 'promptpay' ? normalised.payout.promptpay_id : normalised.payout.account_number;
    Object.assign(changes, {
      payout_kind: normalised.payout.kind,
      promptpay_kind: normalised.payout.kind === 'promptpay' ? normalised.payout.promptpay_kind : null,
      payout_bank_code: normalised.payout.kind === 'bank_account' ? normalised.payout.bank_code : null,
      payout_encrypted: ctx.pii.encrypt(value),
      payout_last4: value.slice(-4),
      payout_changed_at: now,
    });
  }
  let after: SellerRow | undefined;
  try {
    after = await tx.transaction(async (sp) => {
      const [row] = await sp.update(sellers).set(changes).where(eq(sellers.id, id)).returning();
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail('conflict', 'tax_id_taken', { errors: [{ path: 'tax_id', code: 'tax_id_taken' }] });
    throw error;
  }
  if (!after) return fail('not_found', 'seller_not_found');
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'seller.updated', entity_type: 'seller', entity_id: id, org_id: before.org_id, before: auditSnapshot(before), after: auditSnapshot(after) },
  );
  return ok(toView(ctx, after));
}

export interface TransitionInput {
  readonly action: SellerAction;
  readonly reason_code?: RejectionReasonCode | undefined;
  readonly note?: string | undefined;
}

/** Who may take each action: the owner submits; reviewers verify and reject. */
function mayAct(actor: Actor, row: SellerRow, action: SellerAction): boolean {
  if (action === 'submit') return memberRole(actor, row.org_id) === 'seller_owner';
  return isReviewer(actor);
}

/**
 * Moves a seller through its lifecycle. A repeated transition (verifying a verified seller) is refused
 * with `invalid_transition`; the row lock makes two concurrent reviewers see each other's decision.
 */
export async function transitionSeller(tx: Tx, ctx: Ctx, id: string, input: TransitionInput): Promise<Result<SellerView>> {
  const loaded = await loadVisible(tx, ctx, id, true);
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  if (!mayAct(ctx.actor, before, input.action)) return fail('forbidden', 'forbidden');
  const to = nextStatus(before.status, input.action);
  if (!to) return fail('conflict', 'invalid_transition', { params: { from: before.status, action: input.action } });
  if (input.action === 'reject' && (!input.reason_code || !input.note?.trim())) {
    const errors: FieldError[] = [];
    if (!input.reason_code) errors.push({ path: 'reason_code', code: 'reason_required' });
    if (!input.note?.trim()) errors.push({ path: 'reason', code: 'reason_required' });
    return invalidFields(errors);
  }
  const now = ctx.clock.now();
  const [after] = await tx
    .update(sellers)
    .set({
      status: to,
      updated_at: now,
      version: before.version + 1,
      rejection_reason_code: input.action === 'reject' ? (input.reason_code ?? 'other') : before.rejection_reason_code,
      rejection_note: input.action === 'reject' ? (input.note?.trim() ?? null) : before.rejection_note,
    })
    .where(and(eq(sellers.id, id), eq(sellers.version, before.version)))
    .returning();
  if (!after) return fail('conflict', 'invalid_transition', { params: { from: before.status, action: input.action } });
  const detail = input.action === 'reject' ? { reason_code: input.reason_code, note: input.note?.trim() } : undefined;
  await recordHistory(tx, ctx, id, before.status, to, input.action, now, detail);
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: `seller.${input.action}`,
      entity_type: 'seller',
      entity_id: id,
      org_id: before.org_id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    },
  );
  return ok(toView(ctx, after));
}

/** A seller's status and organisation, for other modules' rules (eligibility); no tenancy check, no personal data. */
export async function sellerFacts(
  q: Queryable,
  id: string,
): Promise<{ id: string; org_id: string; status: SellerStatus; province_code: string; legal_name_th: string } | undefined> {
  const [row] = await q
    .select({ id: sellers.id, org_id: sellers.org_id, status: sellers.status, province_code: sellers.province_code, legal_name_th: sellers.legal_name_th })
    .from(sellers)
    .where(eq(sellers.id, id));
  return row;
}

/** Where a seller is paid, in full (for the bank file; never shown or logged), and when it last changed. */
export async function payoutDestination(
  q: Queryable,
  pii: PiiCipher,
  id: string,
): Promise<
  | {
      legal_name_th: string;
      kind: 'promptpay' | 'bank_account';
      promptpay_kind: 'mobile' | 'national_id' | 'ewallet' | null;
      bank_code: string | null;
      account: string;
      last4: string;
      changed_at: Date;
    }
  | undefined
> {
  const [row] = await q.select().from(sellers).where(eq(sellers.id, id));
  if (!row) return undefined;
  return {
    legal_name_th: row.legal_name_th,
    kind: row.payout_kind,
    promptpay_kind: row.promptpay_kind,
    bank_code: row.payout_bank_code,
    account: pii.decrypt(row.payout_encrypted),
    last4: row.payout_last4,
    changed_at: row.payout_changed_at,
  };
}
