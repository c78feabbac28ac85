import { and, asc, desc, eq, inArray, lt, ne, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import type { Db, Tx } from '../../db/client.js';
import { reencryptColumns } from '../../db/pii.js';
import type { Ctx } from '../../kernel/context.js';
import type { PiiCipher } from '../../kernel/crypto.js';
import type { CheckResult } from './check.js';
import type { DocKind } from './messages.js';
import type { Receipt } from './receipts.js';
import { type DeclarationStatus, declarations, documents, receipts } from './schema.js';

type Queryable = Db | Tx;
export type DeclarationRow = typeof declarations.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type ReceiptRow = typeof receipts.$inferSelect;

export interface NewDocument {
  kind: DocKind;
  message_type: string;
  guid: string;
  sender: 'platform' | 'payment_partner' | 'carrier';
  xml: string;
}

/**
 * Records a declaration with its four messages (encrypted: they carry the buyer's ID number), sent
 * or refused by the check. One live per order: asked again, the live one is answered (`created`
 * false); a redeclaration first marks the one it replaces `superseded` and names it in `supersedes`.
 */
export async function createDeclaration(
  tx: Tx,
  ctx: Ctx,
  input: {
    id: string;
    order_id: string;
    parcel_id: string;
    order_no: string;
    logistics_no: string;
    trade_mode: '9610' | '1210';
    check: CheckResult;
    docs: NewDocument[];
    supersedes?: string | undefined;
  },
): Promise<{ declaration: DeclarationRow; created: boolean }> {
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(declarations)
    .values({
      id: input.id,
      order_id: input.order_id,
      parcel_id: input.parcel_id,
      order_no: input.order_no,
      logistics_no: input.logistics_no,
      trade_mode: input.trade_mode,
      status: input.check.ok ? 'submitted' : 'check_failed',
      check: { ok: input.check.ok, problems: input.check.problems.map((p) => ({ ...p })) },
      last_status: null,
      last_return_at: null,
      last_info: null,
      invt_no: null,
      created_at: now,
      updated_at: now,
      submitted_at: input.check.ok ? now : null,
      supersedes: input.supersedes ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const [existing] = await tx
      .select()
      .from(declarations)
      .where(and(eq(declarations.order_id, input.order_id), ne(declarations.status, 'superseded')));
    if (!existing) throw new Error('declaration vanished');
    return { declaration: existing, created: false };
  }
  await tx.insert(documents).values(
    input.docs.map((d) => ({
      declaration_id: row.id,
      kind: d.kind,
      message_type: d.message_type,
      guid: d.guid,
      sender: d.sender,
      xml_encrypted: ctx.pii.encrypt(d.xml),
      receipt_status: null,
      receipt_at: null,
      created_at: now,
    })),
  );
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: input.check.ok ? 'declaration.submitted' : 'declaration.check_failed',
      entity_type: 'declaration',
      entity_id: row.id,
      after: { order_id: input.order_id, problems: input.check.problems.map((p) => p.code), supersedes: input.supersedes ?? null },
    },
  );
  return { declaration: row, created: true };
}

export async function declarationById(q: Queryable, id: string): Promise<DeclarationRow | undefined> {
  const [row] = await q.select().from(declarations).where(eq(declarations.id, id));
  return row;
}

/** The live declaration of an order number (not one it superseded), locked. */
export async function lockDeclarationByOrderNo(tx: Tx, order_no: string): Promise<DeclarationRow | undefined> {
  const [row] = await tx
    .select()
    .from(declarations)
    .where(and(eq(declarations.order_no, order_no), ne(declarations.status, 'superseded')))
    .for('update');
  return row;
}

export async function lockDeclaration(tx: Tx, id: string): Promise<DeclarationRow | undefined> {
  const [row] = await tx.select().from(declarations).where(eq(declarations.id, id)).for('update');
  return row;
}

/** Which declaration filed the message with this guid (a receipt names the message it answers). */
export async function declarationOfMessage(q: Queryable, guid: string): Promise<DeclarationRow | undefined> {
  const [row] = await q
    .select({ declaration: declarations })
    .from(documents)
    .innerJoin(declarations, eq(declarations.id, documents.declaration_id))
    .where(eq(documents.guid, guid));
  return row?.declaration;
}

/** Marks a declaration replaced by a redeclaration (kept, with its messages and receipts, for the record). */
export async function supersede(tx: Tx, ctx: Ctx, id: string, by_reason: string): Promise<void> {
  const now = ctx.clock.now();
  await tx.update(declarations).set({ status: 'superseded', updated_at: now }).where(eq(declarations.id, id));
  await recordAudit(tx, { ...ctx, now }, { action: 'declaration.superseded', entity_type: 'declaration', entity_id: id, after: { reason: by_reason } });
}

export async function listDeclarations(
  q: Queryable,
  filter: {
    order_ids?: readonly string[] | undefined;
    status?: DeclarationStatus | undefined;
    /** Only each order's live declaration (none it superseded). */
    live?: boolean | undefined;
    before_id?: string | undefined;
    limit: number;
  },
): Promise<DeclarationRow[]> {
  const conditions: (SQL | undefined)[] = [
    filter.order_ids ? inArray(declarations.order_id, [...filter.order_ids]) : undefined,
    filter.status ? eq(declarations.status, filter.status) : undefined,
    filter.live ? ne(declarations.status, 'superseded') : undefined,
    filter.before_id ? lt(declarations.id, filter.before_id) : undefined,
  ];
  const where = conditions.filter((c) => c !== undefined);
  return q
    .select()
    .from(declarations)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(declarations.id))
    .limit(filter.limit);
}

export async function documentsOf(q: Queryable, declaration_ids: readonly string[]): Promise<Omit<DocumentRow, 'xml_encrypted'>[]> {
  if (declaration_ids.length === 0) return [];
  return q
    .select({
      declaration_id: documents.declaration_id,
      kind: documents.kind,
      message_type: documents.message_type,
      guid: documents.guid,
      sender: documents.sender,
      receipt_status: documents.receipt_status,
      receipt_at: documents.receipt_at,
      created_at: documents.created_at,
    })
    .from(documents)
    .where(inArray(documents.declaration_id, [...declaration_ids]))
    .orderBy(asc(documents.declaration_id), asc(documents.kind));
}

/** The message as filed (decrypted for the officer who asked; the read is audited by the caller). */
export async function documentXml(q: Queryable, pii: PiiCipher, declaration_id: string, kind: DocKind): Promise<string | undefined> {
  const [row] = await q
    .select({ xml: documents.xml_encrypted })
    .from(documents)
    .where(and(eq(documents.declaration_id, declaration_id), eq(documents.kind, kind)));
  return row ? pii.decrypt(row.xml) : undefined;
}

/** The receipts of declarations, in the order customs sent them. */
export async function receiptsOf(q: Queryable, declaration_ids: readonly string[]): Promise<ReceiptRow[]> {
  if (declaration_ids.length === 0) return [];
  return q
    .select()
    .from(receipts)
    .where(inArray(receipts.declaration_id, [...declaration_ids]))
    .orderBy(asc(receipts.return_time), asc(receipts.id));
}

/** Stores a receipt once (by its message type and guid); `fresh` false means it came before. */
export async function storeReceipt(
  tx: Tx,
  input: { id: string; declaration_id: string | null; receipt: Receipt; outcome: ReceiptRow['outcome']; body_sha256: string; now: Date },
): Promise<{ fresh: boolean; row: ReceiptRow }> {
  const [row] = await tx
    .insert(receipts)
    .values({
      id: input.id,
      declaration_id: input.declaration_id,
      message_type: input.receipt.message_type,
      guid: input.receipt.guid,
      order_no: input.receipt.order_no,
      return_status: input.receipt.return_status,
      return_time: input.receipt.return_time,
      return_info: input.receipt.return_info,
      outcome: input.outcome,
      body_sha256: input.body_sha256,
      received_at: input.now,
    })
    .onConflictDoNothing()
    .returning();
  if (row) return { fresh: true, row };
  const [first] = await tx
    .select()
    .from(receipts)
    .where(and(eq(receipts.message_type, input.receipt.message_type), eq(receipts.guid, input.receipt.guid)));
  if (!first) throw new Error('receipt vanished');
  return { fresh: false, row: first };
}

export async function setReceiptOutcome(tx: Tx, id: string, outcome: ReceiptRow['outcome']): Promise<void> {
  await tx.update(receipts).set({ outcome }).where(eq(receipts.id, id));
}

/** A document's own receipt (CEB312/412/512 for order, payment, waybill), kept if newer than the last. */
export async function markDocument(tx: Tx, declaration_id: string, kind: DocKind, status: number, at: Date): Promise<boolean> {
  const [doc] = await tx
    .select({ receipt_at: documents.receipt_at })
    .from(documents)
    .where(and(eq(documents.declaration_id, declaration_id), eq(documents.kind, kind)));
  if (!doc || (doc.receipt_at && doc.receipt_at >= at)) return false;
  await tx
    .update(documents)
    .set({ receipt_status: status, receipt_at: at })
    .where(and(eq(documents.declaration_id, declaration_id), eq(documents.kind, kind)));
  return true;
}

export async function moveDeclaration(
  tx: Tx,
  ctx: Ctx,
  input: { id: string; to: DeclarationStatus; last_status: number; at: Date; info: string; invt_no?: string | undefined },
): Promise<DeclarationRow | undefined> {
  const now = ctx.clock.now();
  const [row] = await tx
    .update(declarations)
    .set({
      status: input.to,
      last_status: input.last_status,
      last_return_at: input.at,
      last_info: input.info,
      updated_at: now,
      ...(input.invt_no ? { invt_no: input.invt_no } : {}),
    })
    .where(eq(declarations.id, input.id))
    .returning();
  if (row)
    await recordAudit(
      tx,
      { ...ctx, now },
      { action: `declaration.${input.to}`, entity_type: 'declaration', entity_id: input.id, after: { status: input.last_status } },
    );
  return row;
}

/** Rewrites stored messages under the current PII key (`saphan pii rotate`). */
export async function rotatePii(db: Db, pii: PiiCipher): Promise<number> {
  return reencryptColumns(db, pii, documents, documents.guid, [documents.xml_encrypted]);
}
