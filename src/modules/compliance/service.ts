import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import type { Db, Tx } from '../../db/client.js';
import { type Ctx, hasRole, memberRole } from '../../kernel/context.js';
import { fail, invalidFields, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { HS_TAX_BY_CODE, HS_TAX_TABLE_VERSION } from './reference/hs-tax.js';
import { POSITIVE_LIST_SUBSET, POSITIVE_LIST_VERSION } from './reference/positive-list.js';
import {
  bangkokDate,
  type CertificationInput,
  decide,
  type EligibilityFacts,
  formatFdaNumber,
  inForce,
  MARKETS,
  type Market,
  validateCertification,
} from './rules.js';
import { type CertificationType, certifications, eligibility } from './schema.js';

type Queryable = Db | Tx;
type CertificationRow = typeof certifications.$inferSelect;

/** The rules engine's own version; with the two data tables' versions it names the rule set a decision used. */
export const RULES_VERSION = `rules-2026-11-26.1|hs-${HS_TAX_TABLE_VERSION}|pl-${POSITIVE_LIST_VERSION}`;
const POSITIVE_LIST = new Map(POSITIVE_LIST_SUBSET.map((line) => [line.hs_code, line]));

export interface CertificationView {
  id: string;
  seller_id: string;
  type: CertificationType;
  number: string;
  display_number: string;
  standard_number: string | null;
  issuer: string | null;
  issued_on: string | null;
  expires_on: string | null;
  stars: number | null;
  year_awarded: number | null;
  status: 'submitted' | 'approved' | 'rejected';
  /** Approved and not past its expiry date today. */
  in_force: boolean;
  rejection_reason: string | null;
  /** The uploaded scan, readable by the seller's members and reviewers only. */
  document_url: string | null;
  created_at: string;
}

function toView(row: CertificationRow, today: string): CertificationView {
  return {
    id: row.id,
    seller_id: row.seller_id,
    type: row.type,
    number: row.number,
    display_number: row.type === 'thai_fda' ? formatFdaNumber(row.number) : row.number,
    standard_number: row.standard_number,
    issuer: row.issuer,
    issued_on: row.issued_on,
    expires_on: row.expires_on,
    stars: row.stars,
    year_awarded: row.year_awarded,
    status: row.status,
    in_force: inForce(row, today),
    rejection_reason: row.rejection_reason,
    document_url: row.document_key ? `/api/v1/certifications/${row.id}/document` : null,
    created_at: row.created_at.toISOString(),
  };
}

/** Records a certificate for review. The flow has checked that the caller belongs to the seller (`org_id`). */
export async function createCertification(
  tx: Tx,
  ctx: Ctx,
  input: CertificationInput & { seller_id: string; org_id: string; document_key?: string | null },
): Promise<Result<CertificationView>> {
  if (memberRole(ctx.actor, input.org_id) === undefined && ctx.actor.kind !== 'system') return fail('not_found', 'seller_not_found');
  const now = ctx.clock.now();
  const today = bangkokDate(now);
  const { errors, number } = validateCertification(input, today);
  if (errors.length > 0) return invalidFields(errors);
  const row: CertificationRow = {
    id: newId('crt', now.getTime()),
    seller_id: input.seller_id,
    org_id: input.org_id,
    type: input.type,
    number,
    standard_number: input.standard_number?.trim() || null,
    issuer: input.issuer?.trim() || null,
    issued_on: input.issued_on ?? null,
    expires_on: input.expires_on ?? null,
    stars: input.stars ?? null,
    year_awarded: input.year_awarded ?? null,
    document_key: input.document_key ?? null,
    status: 'submitted',
    rejection_reason: null,
    reviewed_by: null,
    reviewed_at: null,
    created_by: ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : 'system',
    created_at: now,
    updated_at: now,
  };
  await tx.insert(certifications).values(row);
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: 'certification.created',
      entity_type: 'certification',
      entity_id: row.id,
      org_id: row.org_id,
      after: { type: row.type, number: row.number, expires_on: row.expires_on },
    },
  );
  return ok(toView(row, today));
}

/** A compliance officer approves or rejects a submitted certificate; a decided one is not decided again. */
export async function reviewCertification(
  tx: Tx,
  ctx: Ctx,
  id: string,
  decision: { action: 'approve' } | { action: 'reject'; reason: string },
): Promise<Result<CertificationView>> {
  const [before] = await tx.select().from(certifications).where(eq(certifications.id, id)).for('update');
  const reviewer = hasRole(ctx.actor, 'compliance_officer', 'admin');
  if (!before || (!reviewer && memberRole(ctx.actor, before.org_id) === undefined)) return fail('not_found', 'certification_not_found');
  if (!reviewer) return fail('forbidden', 'forbidden');
  if (before.status !== 'submitted') return fail('conflict', 'invalid_transition', { params: { from: before.status, action: decision.action } });
  const now = ctx.clock.now();
  const [after] = await tx
    .update(certifications)
    .set({
      status: decision.action === 'approve' ? 'approved' : 'rejected',
      rejection_reason: decision.action === 'reject' ? decision.reason.trim() : null,
      reviewed_by: ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null,
      reviewed_at: now,
      updated_at: now,
    })
    .where(and(eq(certifications.id, id), eq(certifications.status, 'submitted')))
    .returning();
  if (!after) return fail('conflict', 'invalid_transition', { params: { from: before.status, action: decision.action } });
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: `certification.${decision.action}`,
      entity_type: 'certification',
      entity_id: id,
      org_id: before.org_id,
      before: { status: before.status },
      after: { status: after.status, reason: after.rejection_reason },
    },
  );
  return ok(toView(after, bangkokDate(now)));
}

export async function getCertification(q: Queryable, ctx: Ctx, id: string): Promise<Result<CertificationView>> {
  const [row] = await q.select().from(certifications).where(eq(certifications.id, id));
  if (!row || (memberRole(ctx.actor, row.org_id) === undefined && !hasRole(ctx.actor, 'compliance_officer', 'admin')))
    return fail('not_found', 'certification_not_found');
  return ok(toView(row, bangkokDate(ctx.clock.now())));
}

/** Where a certificate's scan is, for the same callers who may read the certificate. */
export async function certificationDocumentKey(q: Queryable, ctx: Ctx, id: string): Promise<Result<string>> {
  const [row] = await q.select().from(certifications).where(eq(certifications.id, id));
  if (!row || (memberRole(ctx.actor, row.org_id) === undefined && !hasRole(ctx.actor, 'compliance_officer', 'admin')))
    return fail('not_found', 'certification_not_found');
  return row.document_key ? ok(row.document_key) : fail('not_found', 'document_not_found');
}

/** Reviewers see every certificate (the review queue); members see their sellers'. */
export async function listCertifications(
  q: Queryable,
  ctx: Ctx,
  input: { seller_id?: string | undefined; status?: CertificationRow['status'] | undefined; after_id?: string | undefined; limit: number },
) {
  const filters: SQL[] = [];
  if (!hasRole(ctx.actor, 'compliance_officer', 'admin')) {
    const orgs = ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.memberships.map((m) => m.org_id) : [];
    if (orgs.length === 0) return { items: [], last_id: null };
    filters.push(inArray(certifications.org_id, orgs));
  }
  if (input.seller_id) filters.push(eq(certifications.seller_id, input.seller_id));
  if (input.status) filters.push(eq(certifications.status, input.status));
  if (input.after_id) filters.push(gt(certifications.id, input.after_id));
  const rows = await q
    .select()
    .from(certifications)
    .where(and(...filters))
    .orderBy(asc(certifications.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const today = bangkokDate(ctx.clock.now());
  return { items: page.map((r) => toView(r, today)), last_id: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

/** The certificates with these ids that belong to this seller (a product may only rely on its own seller's). */
export async function certificationsOfSeller(q: Queryable, seller_id: string, ids: readonly string[]): Promise<CertificationRow[]> {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(certifications)
    .where(and(eq(certifications.seller_id, seller_id), inArray(certifications.id, [...ids])));
}

/** How a seller types a certificate number in a spreadsheet (dashes, spaces, case) does not matter. */
export function normalizeCertificateNumber(number: string): string {
  return number.replace(/[^0-9a-z\u0E00-\u0E7F]/gi, '').toLowerCase();
}

/**
 * A seller's certificates by number (normalised), for imports that name certificates by the number on
 * the paper. A rejected certificate is not offered; of several with one number the latest wins.
 */
export async function certificationIdsByNumber(q: Queryable, seller_id: string): Promise<Map<string, string>> {
  const rows = await q
    .select({ id: certifications.id, number: certifications.number, status: certifications.status })
    .from(certifications)
    .where(eq(certifications.seller_id, seller_id))
    .orderBy(asc(certifications.id));
  const out = new Map<string, string>();
  for (const r of rows) if (r.status !== 'rejected') out.set(normalizeCertificateNumber(r.number), r.id);
  return out;
}

export type ProductFacts = Omit<EligibilityFacts, 'certifications' | 'today' | 'positive_list' | 'hs_tax'> & {
  readonly product_id: string;
  readonly seller_id: string;
  readonly certification_ids: readonly string[];
};

export interface EligibilityView {
  eligible: boolean;
  /** When the decision stops holding (a relied-upon certificate's expiry), if ever. */
  valid_until: string | null;
  reasons: { code: string; params?: Record<string, string | number> }[];
  details: Record<string, unknown>;
  rules_version: string;
  computed_at: string;
}

/** Decides every market for a product and stores the decisions (the projection search reads). */
export async function refreshEligibility(tx: Tx, now: Date, facts: ProductFacts): Promise<Record<Market, EligibilityView>> {
  const certs = await certificationsOfSeller(tx, facts.seller_id, facts.certification_ids);
  const today = bangkokDate(now);
  const full: EligibilityFacts = { ...facts, certifications: certs, today, positive_list: POSITIVE_LIST, hs_tax: HS_TAX_BY_CODE };
  const out = {} as Record<Market, EligibilityView>;
  const rows: (typeof eligibility.$inferInsert)[] = [];
  for (const market of MARKETS) {
    const d = decide(market, full);
    // The certificate stops counting on its expiry date: midnight at the start of that day in Bangkok.
    const valid_until = d.valid_through ? new Date(`${d.valid_through}T00:00:00+07:00`) : null;
    const details = { ...d.details, seller_status: facts.seller_status, category_rules: categoryRules(facts.category) };
    rows.push({
      product_id: facts.product_id,
      seller_id: facts.seller_id,
      market,
      eligible: d.eligible,
      reasons: d.reasons,
      details,
      rules_version: RULES_VERSION,
      computed_at: now,
      valid_until,
    });
    out[market] = {
      eligible: d.eligible,
      valid_until: valid_until?.toISOString() ?? null,
      reasons: d.reasons,
      details,
      rules_version: RULES_VERSION,
      computed_at: now.toISOString(),
    };
  }
  // One statement for the three markets.
  await tx
    .insert(eligibility)
    .values(rows)
    .onConflictDoUpdate({
      target: [eligibility.product_id, eligibility.market],
      set: {
        eligible: sql.raw('excluded.eligible'),
        reasons: sql.raw('excluded.reasons'),
        details: sql.raw('excluded.details'),
        rules_version: sql.raw('excluded.rules_version'),
        computed_at: sql.raw('excluded.computed_at'),
        valid_until: sql.raw('excluded.valid_until'),
      },
    });
  return out;
}

/**
 * The category's rules as a decision used them (catalogue data, not ours): a change of a category's
 * food flag or prohibited markets makes stored decisions stale like a new rules version does.
 */
function categoryRules(category: ProductFacts['category']): string {
  return category ? `${category.code}:${category.food ? 'food' : 'nonfood'}:${[...category.prohibited_markets].sort().join(',')}` : 'none';
}

/**
 * Stored decisions for a product, or undefined when any is missing or no longer holds (rules or the
 * category's rules changed, a certificate expired, the seller's status changed).
 */
export async function storedEligibility(
  q: Queryable,
  product_id: string,
  now: Date,
  seller_status: string,
  category: ProductFacts['category'],
): Promise<Record<Market, EligibilityView> | undefined> {
  const rows = await q.select().from(eligibility).where(eq(eligibility.product_id, product_id));
  if (rows.length !== MARKETS.length) return undefined;
  const out = {} as Record<Market, EligibilityView>;
  for (const row of rows) {
    const stale =
      row.rules_version !== RULES_VERSION ||
      (row.valid_until !== null && row.valid_until <= now) ||
      row.details.seller_status !== seller_status ||
      row.details.category_rules !== categoryRules(category);
    if (stale) return undefined;
    out[row.market] = {
      eligible: row.eligible,
      valid_until: row.valid_until?.toISOString() ?? null,
      reasons: row.reasons,
      details: row.details,
      rules_version: row.rules_version,
      computed_at: row.computed_at.toISOString(),
    };
  }
  return out;
}

/** The most stars among OTOP star certificates (in force ones, as the caller filtered them). */
export function bestStars(certs: readonly { type: string; stars: number | null }[]): number | null {
  return certs
    .filter((c) => c.type === 'otop_stars')
    .reduce<number | null>((best, c) => (c.stars !== null && (best === null || c.stars > best) ? c.stars : best), null);
}

/** OTOP stars of a product: the best approved, unexpired OTOP star certificate it relies on. */
export async function otopStars(q: Queryable, seller_id: string, certification_ids: readonly string[], now: Date): Promise<number | null> {
  const today = bangkokDate(now);
  return bestStars((await certificationsOfSeller(q, seller_id, certification_ids)).filter((c) => inForce(c, today)));
}
