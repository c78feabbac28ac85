import type { components } from '../../api/schema.js';
import { call, client, type JsonBody, newIdempotencyKey, type Operation } from '../../api.js';

/** Customs declarations of CBEC orders (officers and admins), the messages as filed, and the sandbox customs agent. */

export type Declaration = components['schemas']['Declaration'];
export type DeclarationStatus = Declaration['status'];
export type DocumentKind = Declaration['documents'][number]['kind'];
export type DeclarationQuery = NonNullable<Operation<'/api/v1/customs/declarations', 'get'>['parameters']['query']>;
export type Scenario = JsonBody<'/api/v1/sandbox/customs/declarations/{id}/receipts', 'post'>['scenario'];

export const DECLARATION_STATUSES: readonly DeclarationStatus[] = [
  'check_failed',
  'submitted',
  'manual_review',
  'inspection',
  'detained',
  'rejected',
  'returned',
  'released',
  'closed',
  'error',
  'superseded',
];
/** Declarations that never reached customs: the officer may re-check and declare them again. */
export const REDECLARABLE: readonly DeclarationStatus[] = ['check_failed', 'error'];
/** The four messages of a 9610 parcel, in the order they are filed: order, payment, logistics (waybill), inventory. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['order', 'payment', 'logistics', 'inventory'];
export const DOCUMENT_TYPES: Record<DocumentKind, string> = { order: 'CEB311', payment: 'CEB411', logistics: 'CEB511', inventory: 'CEB621' };
/** What the sandbox customs agent can answer (the receipts a real agent would send). */
export const SCENARIOS: readonly Scenario[] = ['release', 'manual_review', 'inspection', 'detain', 'reject', 'return', 'close'];

export const DECLARATIONS_KEY = ['customs', 'declarations'] as const;

export const customsApi = {
  declarations: (query: { status?: DeclarationStatus | undefined; order_id?: string | undefined }) =>
    call(() =>
      client.GET('/api/v1/customs/declarations', {
        params: { query: { ...(query.status ? { status: query.status } : {}), ...(query.order_id ? { order_id: query.order_id } : {}) } },
      }),
    ),
  /** The message as filed: XML text (it names the buyer; the server records who read it). */
  document: (id: string, kind: DocumentKind) =>
    call<string>(() =>
      client.GET('/api/v1/customs/declarations/{id}/documents/{kind}', {
        params: { path: { id, kind } },
        parseAs: 'text',
        headers: { accept: 'application/xml, application/problem+json' },
      }),
    ),
  /** Re-check and declare again (after the partner refiled, or the e-Port failed); the old one stays, superseded. */
  redeclare: (id: string) => {
    const key = newIdempotencyKey();
    return call(() => client.POST('/api/v1/customs/declarations/{id}/redeclare', { params: { path: { id } }, headers: { 'idempotency-key': key } }));
  },
  sandboxReceipts: (id: string, scenario: Scenario) =>
    call(() => client.POST('/api/v1/sandbox/customs/declarations/{id}/receipts', { params: { path: { id } }, body: { scenario } })),
};
