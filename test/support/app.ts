import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { outboxMailer } from '../../src/app/mail.js';
import { buildServer } from '../../src/app/server.js';
import type { Database } from '../../src/db/client.js';
import { inTransaction } from '../../src/db/client.js';
import type { CustomsEnv } from '../../src/flows/customs.js';
import type { SettlementPolicy } from '../../src/flows/settle.js';
import { localBlobStore } from '../../src/kernel/blobs.js';
import { type Clock, systemClock } from '../../src/kernel/clock.js';
import type { PlatformRole } from '../../src/kernel/context.js';
import { createPiiCipher } from '../../src/kernel/crypto.js';
import { unwrap } from '../../src/kernel/http.js';
import * as identity from '../../src/modules/identity/index.js';
import { createTestDatabase } from './db.js';

export const TEST_PII_KEY = 'test-pii-key-0123456789abcdefghijklmnopqrstuvwxyz';
export const PASSWORD = 'correct horse battery';
let password_hash: Promise<string> | undefined;

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly clock: Clock;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    serve_web?: boolean;
    auth_requests_per_minute?: number;
    login_failure_floor_ms?: number;
    readiness?: { migrated: boolean; seeded: boolean };
    clock?: Clock;
    /** Customs agent and partner filings (default: the sandbox's). */
    customs?: CustomsEnv;
    settlement_policy?: SettlementPolicy;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = options.clock ?? systemClock;
  const app = await buildServer({
    database,
    clock,
    mailer: outboxMailer(database),
    pii_key: TEST_PII_KEY,
    public_base_url: 'http://localhost:3000',
    sandbox: true,
    production: false,
    readiness: options.readiness ?? { migrated: true, seeded: true },
    auth_requests_per_minute: options.auth_requests_per_minute ?? 100_000,
    search_requests_per_minute: 100_000,
    login_failure_floor_ms: options.login_failure_floor_ms ?? 20,
    serve_web: options.serve_web ?? false,
    blobs: localBlobStore(mkdtempSync(path.join(tmpdir(), 'saphan-blobs-'))),
    ...(options.customs ? { customs: options.customs } : {}),
    ...(options.settlement_policy ? { settlement_policy: options.settlement_policy } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let seq = 0;
export function uniqueEmail(prefix = 'user'): string {
  seq += 1;
  return `${prefix}.${process.pid}.${seq}.${Date.now().toString(36)}@test.saphan.example`;
}

/** Creates a user directly (platform roles cannot be self-assigned through the API) and signs in. */
export async function userWithToken(
  t: TestApp,
  roles: PlatformRole[] = [],
  email = uniqueEmail(roles[0] ?? 'buyer'),
): Promise<{ id: string; email: string; token: string }> {
  const ctx = { actor: { kind: 'system' as const, reason: 'test' }, locale: 'en' as const, clock: t.clock, pii: createPiiCipher(TEST_PII_KEY) };
  password_hash ??= identity.hashPassword(PASSWORD);
  const hash = await password_hash;
  const user = unwrap(
    await inTransaction(t.database.db, (tx) => identity.createUser(tx, ctx, { email, password_hash: hash, display_name: 'Test User', locale: 'en', roles })),
  );
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return { id: user.id, email, token: res.json<{ token: string }>().token };
}

export function bearer(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...extra };
}

/** Valid 13-digit tax IDs, different on every call. */
let taxSeq = 0;
export function freshTaxId(kind: 'juristic' | 'citizen' = 'juristic'): string {
  taxSeq += 1;
  const body = `${kind === 'juristic' ? '0105' : '1101'}${String(process.pid % 100_000).padStart(5, '0')}${String(taxSeq).padStart(3, '0')}`.slice(0, 12);
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(body[i]) * (13 - i);
  return `${body}${(11 - (sum % 11)) % 10}`;
}

export function sellerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    legal_name_th: 'บริษัท ทุเรียนจันท์ จำกัด',
    legal_name_en: 'Durian Chan Co., Ltd.',
    tax_id: freshTaxId(),
    province_code: 'TH-22',
    otop_registration: 'OTOP-22-2566-0001',
    payout: { promptpay_id: '081-234-5678' },
    pdpa_consent: true,
    ...overrides,
  };
}
