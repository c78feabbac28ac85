import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.js';
import { meta } from '../db/schema.js';
import { onboardSeller } from '../flows/onboard-seller.js';
import { assert } from '../kernel/assert.js';
import type { BlobStore } from '../kernel/blobs.js';
import { type Clock, FakeClock } from '../kernel/clock.js';
import type { Actor, Ctx, PlatformRole } from '../kernel/context.js';
import type { PiiCipher } from '../kernel/crypto.js';
import { unwrap } from '../kernel/http.js';
import * as identity from '../modules/identity/index.js';
import * as pricing from '../modules/pricing/index.js';
import * as sellers from '../modules/sellers/index.js';
import { DEMO_SELLERS } from './demo/sellers-data.js';
import { type SeededSeller, seedCatalogue } from './seed-catalogue.js';
import { seedFulfilment } from './seed-fulfilment.js';
import { seedOrders } from './seed-orders.js';

export const DEMO_PASSWORD = 'saphan-demo-2026';

/** One account per role; the seller owner owns several sellers and the staff member works for the first. */
export const DEMO_ACCOUNTS: readonly { email: string; role: PlatformRole | 'seller_owner' | 'seller_staff'; name: string; locale?: 'th' | 'zh' | 'en' }[] = [
  { email: 'admin@demo.saphan.test', role: 'admin', name: 'ผู้ดูแลระบบ Saphan' },
  { email: 'compliance@demo.saphan.test', role: 'compliance_officer', name: 'สุภาพร ตรวจสอบ' },
  { email: 'seller@demo.saphan.test', role: 'seller_owner', name: 'สมศรี ใจดี' },
  { email: 'staff@demo.saphan.test', role: 'seller_staff', name: 'มานะ ขยันยิ่ง' },
  { email: 'buyer@demo.saphan.test', role: 'buyer', name: '王小明' },
  { email: 'buyer.li@demo.saphan.test', role: 'buyer', name: '李华' },
  { email: 'buyer.th@demo.saphan.test', role: 'buyer', name: 'สมชาย ใจดี', locale: 'th' },
  { email: 'buyer.th2@demo.saphan.test', role: 'buyer', name: 'มาลี ศรีสุข', locale: 'th' },
  { email: 'operator@demo.saphan.test', role: 'gtc_operator', name: 'ประยุทธ คลังสินค้า' },
  { email: 'lender@demo.saphan.test', role: 'lender', name: 'ธนาคารพันธมิตร' },
  { email: 'academy@demo.saphan.test', role: 'academy_staff', name: 'Academy Staff' },
  { email: 'analyst@demo.saphan.test', role: 'gov_analyst', name: 'นักวิเคราะห์ สสว.' },
];

const SEED_KEY = 'seed';

export async function seedMarker(database: Database): Promise<unknown> {
  const [row] = await database.db.select().from(meta).where(eq(meta.key, SEED_KEY));
  return row?.value;
}

/** A small deterministic generator, so that the demo is the same on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function digits(random: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 1) out += String(Math.floor(random() * 10));
  return out;
}

export function demoTaxId(random: () => number, kind: 'juristic' | 'citizen'): string {
  const body = kind === 'juristic' ? `0${random() < 0.5 ? '105' : '205'}5${digits(random, 7)}` : `${random() < 0.5 ? '1' : '3'}${digits(random, 11)}`;
  return `${body}${sellers.thaiIdCheckDigit(body)}`;
}

/** The lifecycle a demo seller ends in: most verified, every state present. */
function targetState(index: number): 'draft' | 'submitted' | 'verified' | 'rejected' | 'resubmitted' {
  const pattern = ['verified', 'verified', 'verified', 'submitted', 'verified', 'rejected', 'verified', 'draft', 'verified', 'resubmitted'] as const;
  return pattern[index % pattern.length] ?? 'verified';
}

export interface SeedResult {
  readonly accounts: typeof DEMO_ACCOUNTS;
  readonly sellers: number;
  readonly products: number;
}

/**
 * Loads the demo into an empty database, in one transaction, through the same services and flows as the
 * API (so history and audit are real). The seed marker makes it run once.
 */
export async function seedDemo(database: Database, deps: { clock: Clock; pii: PiiCipher; blobs: BlobStore }): Promise<SeedResult | undefined> {
  // One hash for every demo account (they share the published password), computed before the transaction opens.
  const password_hash = await identity.hashPassword(DEMO_PASSWORD);
  return database.db.transaction(async (tx) => {
    const [marker] = await tx.select().from(meta).where(eq(meta.key, SEED_KEY)).for('update');
    if (marker || (await identity.countUsers(tx)) > 0) return undefined;
    const now = deps.clock.now();
    const system: Ctx = { actor: { kind: 'system', reason: 'demo seed' }, locale: 'th', clock: deps.clock, pii: deps.pii };
    // The demo's people and sellers joined two months ago (their history, and payout accounts long settled).
    const onboarding: Ctx = { ...system, clock: new FakeClock(new Date(now.getTime() - 60 * 86_400_000)) };
    const ids = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const roles: PlatformRole[] = account.role === 'seller_owner' || account.role === 'seller_staff' || account.role === 'buyer' ? [] : [account.role];
      const user = unwrap(
        await identity.createUser(tx, onboarding, {
          email: account.email,
          password_hash,
          display_name: account.name,
          locale: account.locale ?? (account.role === 'buyer' ? 'zh' : 'th'),
          roles,
        }),
      );
      ids.set(account.email, user.id);
    }
    const officer = actorFor(ids.get('compliance@demo.saphan.test'), ['compliance_officer']);
    const random = prng(20_261_126);
    let count = 0;
    const seeded: SeededSeller[] = [];
    for (const [index, demo] of DEMO_SELLERS.entries()) {
      const owner_id = index < 3 ? ids.get('seller@demo.saphan.test') : await ownerFor(tx, onboarding, demo, index, password_hash);
      assert(owner_id, 'demo owner exists');
      const owner_ctx: Ctx = { ...onboarding, actor: actorFor(owner_id, []) };
      const payout =
        index % 3 === 0
          ? { bank_code: ['002', '004', '006', '014', '025', '030'][index % 6] ?? '002', account_number: digits(random, index % 6 === 5 ? 12 : 10) }
          : { promptpay_id: `0${['8', '9', '6'][index % 3]}${digits(random, 8)}` };
      const seller = unwrap(
        await onboardSeller(tx, owner_ctx, {
          legal_name_th: demo.legal_name_th,
          legal_name_en: demo.legal_name_en,
          tax_id: demoTaxId(random, demo.kind),
          province_code: demo.province_code,
          otop_registration: demo.otop ? `OTOP-${demo.province_code.slice(3)}-${2560 + (index % 8)}-${String(index + 1).padStart(4, '0')}` : null,
          payout,
          pdpa_consent: true,
          channel: 'web',
          owner_user_id: owner_id,
        }),
      );
      const owner_with_org: Ctx = { ...onboarding, actor: actorFor(owner_id, [], [{ org_id: seller.org_id, role: 'seller_owner' }]) };
      if (index === 0) await identity.addMember(tx, owner_with_org, { org_id: seller.org_id, email: 'staff@demo.saphan.test', role: 'seller_staff' });
      await driveToState(tx, { owner: owner_with_org, officer: { ...onboarding, actor: officer } }, seller.id, targetState(index));
      seeded.push({ id: seller.id, province_code: demo.province_code, owner: { ...owner_with_org, clock: deps.clock } });
      count += 1;
    }
    // Reference rates of the last five days (sample figures in the range the Bank of Thailand published in 2025–26).
    // A month of reference rates: the demo's history (three weeks of orders) is quoted and released at the rates of its days.
    for (let day = 30; day >= 0; day -= 1) {
      const rate_date = new Date(now.getTime() + 7 * 3_600_000 - day * 86_400_000).toISOString().slice(0, 10);
      unwrap(
        await pricing.setRate(tx, system, {
          currency: 'CNY',
          rate_date,
          thb_per_unit: (4.52 + (day % 9) * 0.0031).toFixed(4),
          source: 'demo: BOT reference (sample)',
        }),
      );
      unwrap(
        await pricing.setRate(tx, system, {
          currency: 'USD',
          rate_date,
          thb_per_unit: (32.41 + (day % 9) * 0.0217).toFixed(4),
          source: 'demo: BOT reference (sample)',
        }),
      );
    }
    const products = await seedCatalogue(tx, seeded, { ...system, actor: officer }, random, deps.blobs);
    const user = (email: string) => {
      const id = ids.get(email);
      assert(id, `demo account ${email}`);
      return id;
    };
    const shopped = await seedOrders(tx, system, {
      cn_buyer: user('buyer@demo.saphan.test'),
      cn_vip: user('buyer.li@demo.saphan.test'),
      th_buyer: user('buyer.th@demo.saphan.test'),
      th_second: user('buyer.th2@demo.saphan.test'),
    });
    await seedFulfilment(tx, system, {
      sellers: seeded.filter((_, i) => targetState(i) === 'verified').map((s) => ({ id: s.id, owner: s.owner })),
      users: {
        operator: user('operator@demo.saphan.test'),
        officer: user('compliance@demo.saphan.test'),
        admin: user('admin@demo.saphan.test'),
        cn_buyer: user('buyer@demo.saphan.test'),
        th_buyer: user('buyer.th@demo.saphan.test'),
      },
      wang_identity_id: shopped.wang_identity_id,
    });
    await tx.insert(meta).values({ key: SEED_KEY, value: { kind: 'demo', at: now.toISOString(), sellers: count, products }, updated_at: now });
    return { accounts: DEMO_ACCOUNTS, sellers: count, products };
  });
}

function actorFor(user_id: string | undefined, roles: PlatformRole[], memberships: { org_id: string; role: 'seller_owner' | 'seller_staff' }[] = []): Actor {
  assert(user_id, 'demo user exists');
  return { kind: 'user', user_id, roles: ['buyer', ...roles], memberships };
}

async function ownerFor(tx: Tx, ctx: Ctx, demo: (typeof DEMO_SELLERS)[number], index: number, password_hash: string): Promise<string> {
  const email = `${demo.owner.first_name_en}.${demo.owner.last_name_en}.${index}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + '@demo.saphan.test';
  const user = unwrap(
    await identity.createUser(tx, ctx, {
      email,
      password_hash,
      display_name: `${demo.owner.first_name_th} ${demo.owner.last_name_th}`,
      locale: 'th',
    }),
  );
  return user.id;
}

async function driveToState(tx: Tx, who: { owner: Ctx; officer: Ctx }, seller_id: string, state: ReturnType<typeof targetState>): Promise<void> {
  if (state === 'draft') return;
  unwrap(await sellers.transitionSeller(tx, who.owner, seller_id, { action: 'submit' }));
  if (state === 'submitted') return;
  if (state === 'verified') {
    unwrap(await sellers.transitionSeller(tx, who.officer, seller_id, { action: 'verify' }));
    return;
  }
  unwrap(
    await sellers.transitionSeller(tx, who.officer, seller_id, {
      action: 'reject',
      reason_code: 'payout_account_mismatch',
      note: 'ชื่อบัญชีรับเงินไม่ตรงกับชื่อผู้ประกอบการ โปรดแก้ไขแล้วส่งใหม่',
    }),
  );
  if (state === 'resubmitted') unwrap(await sellers.transitionSeller(tx, who.owner, seller_id, { action: 'submit' }));
}
