import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Database, inTransaction, openDatabase } from '../../src/db/client.js';
import { acquireLock } from '../../src/db/lock.js';
import { SANDBOX_SCENARIOS } from '../../src/flows/customs.js';
import { FakeClock, localDate } from '../../src/kernel/clock.js';
import { createPiiCipher } from '../../src/kernel/crypto.js';
import { ok } from '../../src/kernel/errors.js';
import { LIMITS } from '../../src/kernel/limits.js';
import { signNotification, webhookSecret } from '../../src/kernel/signature.js';
import * as customs from '../../src/modules/customs/index.js';
import { residentIdCheckChar } from '../../src/modules/identity/index.js';
import * as ledger from '../../src/modules/ledger/index.js';
import * as sellers from '../../src/modules/sellers/index.js';
import { sellerBody } from '../support/app.js';
import { freePort, type Running, runCli, startProcess, tempDataDir, waitForExit } from '../support/process.js';
import { CN_SHIP_TO } from '../support/shop.js';

/**
 * The crash test of settlement and the GTC's partner callbacks (issue 5 acceptance): the real server is
 * SIGKILLed at random moments and restarted on the same DATA_DIR; every request that got no definitive
 * answer (a network error or a 5xx) is sent again exactly as it was.
 *
 * 1. A payout run killed half-way is finished by the next process (its start-up sweep): at every
 *    kill the database holds a consistent prefix of the run (each sent payout with its one transfer,
 *    the run's counters agreeing, the books balanced), and at the end every seller with an available
 *    balance at or above the minimum is paid exactly once — one payout, one `pot_…:sent` transfer of
 *    the payout's amount — sellers below the minimum keep their balance, and the run's total is what
 *    left the sellers.
 * 2. Customs receipts and carrier tracking events arriving (some twice, one late) while the server
 *    dies: each receipt and event is stored once, every order ends delivered — or refunded exactly
 *    once, in full, when its parcel came back — and escrow is voided no more than one refund makes.
 *
 * Both end with the books audited from outside and `saphan ledger verify`. SAPHAN_CRASH_SELLERS
 * (default 150), SAPHAN_CRASH_PARCELS (default 16), SAPHAN_CRASH_KILLS (default 3) and
 * SAPHAN_CRASH_SEED (random, printed) tune and replay a run.
 */

const SELLERS = Number(process.env.SAPHAN_CRASH_SELLERS ?? 150);
/** Sellers whose balance is under the payout minimum: they must not be paid. */
const SELLERS_BELOW_MINIMUM = 5;
const PARCELS = Number(process.env.SAPHAN_CRASH_PARCELS ?? 16);
const KILLS = Number(process.env.SAPHAN_CRASH_KILLS ?? 3);
const SEED = Number(process.env.SAPHAN_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CONCURRENCY = 6;
const PASSWORD = 'a long password for the crash test';
const SECRET = 'settle-crash-secret-0123456789abcdefghijklmnop';
const PII_KEY = 'settle-crash-pii-key-0123456789abcdefghijklmno';
const DAY_MS = 86_400_000;
/** A step must get a definitive answer within this, restarts included. */
const STEP_DEADLINE_MS = 180_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** Signatures are refused after 300 s: a message still unanswered after this is signed again (same body). */
const RESIGN_AFTER_S = 240;

/** mulberry32: the kill points and the plans come from SAPHAN_CRASH_SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: Json;
  /** How many times the request went again before this answer. */
  retried: number;
}
interface Money {
  amount_minor: number;
  currency: string;
}
interface RunView {
  id: string;
  status: 'running' | 'done';
  total_items: number;
  done_items: number;
  sent: Money;
  payouts: { id: string; seller_id: string; amount: Money; status: string }[];
}

/** The one server process of the running test; replaced (new port, same DATA_DIR) after each kill. */
const server: { running: Running | undefined; env: Record<string, string> } = { running: undefined, env: {} };
afterAll(() => {
  server.running?.child.kill('SIGKILL');
});

/** What the running test counts; reset by each `it`. */
let stats = newStats();
function newStats() {
  return { kills: 0, kill_ms: [] as number[], restart_ms: [] as number[], retries: {} as Record<string, number>, resigned: 0 };
}
let aborted: Error | undefined;

function check(condition: boolean, who: string, message: string): asserts condition {
  if (condition) return;
  const error = new Error(`${who}: ${message} [seed ${SEED}]\n--- server output (tail) ---\n${(server.running?.output() ?? '').slice(-3_000)}`);
  aborted ??= error;
  throw error;
}

async function api(
  method: string,
  url: string,
  input: { token?: string; json?: unknown; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Omit<Answer, 'retried'>> {
  const running = server.running;
  if (!running) throw new Error('server down');
  const headers: Record<string, string> = { ...(input.headers ?? {}) };
  if (input.token) headers.authorization = `Bearer ${input.token}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined = input.body === undefined || typeof input.body === 'string' ? input.body : new Uint8Array(input.body);
  if (input.json !== undefined) {
    body = JSON.stringify(input.json);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${running.url}${url}`, { method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await res.text();
  let parsed: Json = {};
  try {
    parsed = text ? (JSON.parse(text) as Json) : {};
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed };
}

/** Sends until the answer is definitive: a network error or a 5xx means "no answer", so the same request goes again. */
async function settle(who: string, step: string, send: () => Promise<Omit<Answer, 'retried'>>): Promise<Answer> {
  const deadline = Date.now() + STEP_DEADLINE_MS;
  let delay_ms = 100;
  for (let retried = 0; ; retried += 1) {
    if (aborted) throw aborted;
    let why: string;
    try {
      const answer = await send();
      if (answer.status < 500) return { ...answer, retried };
      why = `${answer.status} ${JSON.stringify(answer.body)}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      why = cause?.code ?? (error as Error).message;
    }
    stats.retries[step] = (stats.retries[step] ?? 0) + 1;
    check(Date.now() < deadline, who, `${step}: no definitive answer within ${STEP_DEADLINE_MS} ms (last: ${why})`);
    await sleep(delay_ms + Math.floor(Math.random() * 100));
    delay_ms = Math.min(delay_ms * 2, 2_000);
  }
}

/** Bounded concurrency. */
class Slots {
  private queue: (() => void)[] = [];
  constructor(private free: number) {}
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }
  give(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.free += 1;
  }
}

/** SIGKILLs the server and waits until it is gone. */
async function kill(started: number): Promise<void> {
  const victim = server.running;
  if (!victim) return;
  server.running = undefined;
  victim.child.kill('SIGKILL');
  await waitForExit(victim.child, 10_000);
  stats.kills += 1;
  stats.kill_ms.push(Date.now() - started);
}

/** SIGKILL, then the same DATA_DIR on a new port. A port taken between choosing and binding it is retried; anything else fails. */
async function killAndRestart(started: number): Promise<void> {
  await kill(started);
  const t0 = Date.now();
  for (let tries = 1; !server.running; tries += 1) {
    try {
      server.running = await startProcess(server.env, 150_000);
    } catch (error) {
      if (tries < 3 && (error as Error).message.includes('EADDRINUSE')) continue;
      aborted ??= new Error(`restart after kill ${stats.kills} failed [seed ${SEED}]: ${(error as Error).message}`);
      throw aborted;
    }
  }
  stats.restart_ms.push(Date.now() - t0);
}

/**
 * `saphan start` as startProcess runs it, without waiting for /readyz: a process finishing a payout run answers
 * nothing until it is done, and the payout test must be able to kill it meanwhile.
 */
function launch(env: Record<string, string>, port: number): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    env: { ...process.env, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => out };
}

/** Waits until the launched server answers /readyz (started again on another port if its port was taken meanwhile). */
async function ready(timeout_ms = 300_000): Promise<void> {
  const deadline = Date.now() + timeout_ms;
  for (;;) {
    const running = server.running;
    if (!running) throw new Error('nothing launched');
    if (running.child.exitCode !== null) {
      check(running.output().includes('EADDRINUSE'), 'server', `exited early (${running.child.exitCode})`);
      server.running = launch(server.env, await freePort());
      continue;
    }
    const up = await fetch(`${running.url}/readyz`, { signal: AbortSignal.timeout(5_000) }).then(
      (res) => res.status === 200,
      () => false,
    );
    if (up) return;
    check(Date.now() < deadline, 'server', `not ready within ${timeout_ms} ms`);
    await sleep(100);
  }
}

/** Opens the DATA_DIR's database from outside (its lock held, as the CLI would); the server must be down. */
async function openOutside(
  DATA_DIR: string,
  why: string,
): Promise<{ database: Database; rows: (query: string) => Promise<Json[]>; close: () => Promise<void> }> {
  const release = acquireLock(DATA_DIR, why);
  const database = await openDatabase({ data_dir: DATA_DIR });
  return {
    database,
    rows: async (query) => ((await database.db.execute(sql.raw(query))) as unknown as { rows: Json[] }).rows,
    close: async () => {
      await database.close();
      release();
    },
  };
}

/**
 * The run as a kill left it: every payout is queued or sent, each sent one has its one `:sent` transfer and the
 * queued ones none, the run counts exactly the sent ones and their sum, and the books balance.
 */
async function runAtKill(DATA_DIR: string, run_id: string): Promise<{ status: string; done_items: number }> {
  const db = await openOutside(DATA_DIR, 'settlement crash test, after a kill');
  try {
    const [run] = await db.rows(`select status, done_items, sent_minor::text as sent_minor from settlement_payout_runs where id = '${run_id}'`);
    const payouts = await db.rows(`select p.id, p.status, p.amount_minor::text as amount_minor,
        (select count(*)::int from ledger_transfers t where t.id = p.id || ':sent') as transfers
      from settlement_payouts p where p.run_id = '${run_id}'`);
    const [transfers] = await db.rows(`select count(*)::int as n from ledger_transfers where id like 'pot%:sent'`);
    const trial = await ledger.trialBalance(db.database.db);
    const sent = payouts.filter((p) => p.status === 'sent');
    const where = `after kill ${stats.kills}`;
    check(run !== undefined, where, `run ${run_id} not found`);
    check(
      payouts.every((p) => (p.status === 'sent' && p.transfers === 1) || (p.status === 'queued' && p.transfers === 0)),
      where,
      `payouts and transfers disagree: ${JSON.stringify(payouts.filter((p) => p.transfers !== (p.status === 'sent' ? 1 : 0) || !['sent', 'queued'].includes(String(p.status))))}`,
    );
    check(transfers?.n === sent.length, where, `${String(transfers?.n)} transfers pot_…:sent for ${sent.length} sent payouts`);
    check(run.done_items === sent.length, where, `the run counts ${String(run.done_items)} done, ${sent.length} are sent`);
    check(run.sent_minor === String(sum(sent.map((p) => BigInt(String(p.amount_minor))))), where, `the run says ${String(run.sent_minor)} sent`);
    check(trial.balanced, where, `the books do not balance: ${JSON.stringify(trial, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
    return { status: String(run.status), done_items: sent.length };
  } finally {
    await db.close();
  }
}

/** A fresh DATA_DIR from the run's migrated template (on the PostgreSQL leg the embedded database migrates itself). */
async function freshDataDir(): Promise<string> {
  const DATA_DIR = tempDataDir();
  const template = inject('db_template');
  const database = await openDatabase(
    template.kind === 'pglite' ? { data_dir: DATA_DIR, load_data_dir: new Blob([readFileSync(template.file)]) } : { data_dir: DATA_DIR },
  );
  await database.migrate();
  await database.close();
  return DATA_DIR;
}

/** Stops the server cleanly and opens its database from outside. */
async function stopAndOpen(DATA_DIR: string) {
  const last = server.running as Running;
  server.running = undefined;
  last.child.kill('SIGTERM');
  expect((await waitForExit(last.child, 15_000)).code).toBe(0);
  return openOutside(DATA_DIR, 'settlement crash test audit');
}

function createUser(email: string, role: string): void {
  const made = runCli(['users', 'create', '--email', email, '--password', PASSWORD, '--role', role], server.env);
  expect(made.status, made.stderr).toBe(0);
}

/** A checksum-valid juristic tax ID per number (different for every seller of a run). */
function taxId(n: number): string {
  const body = `0105${String(n).padStart(8, '0')}`;
  return `${body}${sellers.thaiIdCheckDigit(body)}`;
}

/** A checksum-valid Chinese resident ID per buyer (each buyer its own annual allowance). */
function residentId(n: number): string {
  const first17 = `110105${19_700_101 + (n % 28)}${String(100 + n).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

/** An upper-case UUID (a CEB message's guid) from the seeded generator, so a replayed seed sends the same receipts. */
function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`.toUpperCase();
}

const sum = (values: bigint[]) => values.reduce((s, v) => s + v, 0n);

describe('settlement under crashes', () => {
  it(`a payout run over ${SELLERS} sellers survives ${KILLS} SIGKILLs: each paid once, the minimum kept, the ledger balances`, {
    timeout: 600_000,
  }, async () => {
    const started = Date.now();
    const random = prng(SEED);
    stats = newStats();
    aborted = undefined;
    const DATA_DIR = await freshDataDir();
    server.env = { DATA_DIR, SAPHAN_SEED: 'none', SAPHAN_SECRET: SECRET, SAPHAN_PII_KEY: PII_KEY };
    console.log(`payout crash test: seed ${SEED}, ${SELLERS} sellers, ${KILLS} kills, DATA_DIR ${DATA_DIR}`);

    // Sellers and their available balances, written before the server ever starts. Their payout accounts date
    // from three days ago, so no payout is held for review (the 24 h rule after an account change).
    const minimum = BigInt(LIMITS.payout_minimum_minor);
    const plan = Array.from({ length: SELLERS + SELLERS_BELOW_MINIMUM }, (_, i) => ({
      eligible: i < SELLERS,
      // The first seller has exactly the minimum; the others 100.00–50,000.00 THB; the last few less than the minimum.
      amount_minor:
        i === 0 ? minimum : i < SELLERS ? BigInt(10_000 + Math.floor(random() * 4_990_001)) : BigInt(1 + Math.floor(random() * Number(minimum - 1n))),
      seller_id: '',
    }));
    expect(plan.filter((p) => p.eligible).every((p) => p.amount_minor >= minimum)).toBe(true);
    {
      const { database, close } = await openOutside(DATA_DIR, 'settlement crash test setup');
      const clock = new FakeClock(new Date(Date.now() - 3 * DAY_MS));
      const ctx = { actor: { kind: 'system' as const, reason: 'settlement crash test' }, locale: 'en' as const, clock, pii: createPiiCipher(PII_KEY) };
      try {
        for (let from = 0; from < plan.length; from += 50) {
          const made = await inTransaction(database.db, async (tx) => {
            const now = clock.now();
            const fx = await ledger.accountOf(tx, now, 'platform', 'fx_position', 'THB');
            for (const [i, p] of plan.entries()) {
              if (i < from || i >= from + 50) continue;
              const input = sellerBody({ tax_id: taxId(i + 1), payout: { promptpay_id: `08${String(i).padStart(8, '0')}` } }) as unknown as sellers.SellerInput;
              const seller = await sellers.createSeller(tx, ctx, { ...input, org_id: `org_settle_crash_${i}`, channel: 'cli' });
              if (!seller.ok) return seller;
              p.seller_id = seller.value.id;
              const payable = await ledger.accountOf(tx, now, p.seller_id, 'seller_payable', 'THB');
              const funded = await ledger.transfer(tx, now, {
                id: `${p.seller_id}:crash_test_funding`,
                debit_account_id: fx,
                credit_account_id: payable,
                amount_minor: p.amount_minor,
                currency: 'THB',
                code: 'crash_test_funding',
              });
              if (!funded.ok) return funded;
            }
            return ok(undefined);
          });
          expect(made.ok, JSON.stringify(made)).toBe(true);
        }
      } finally {
        await close();
      }
    }
    const admin_email = 'admin@settle-crash.saphan.example';
    createUser(admin_email, 'admin');
    const setup_ms = Date.now() - started;

    server.running = await startProcess(server.env);
    // How long a process takes here and now from its start after a SIGKILL to its start-up sweep (no run yet: ready
    // then means booted). The kills after the first are timed from it.
    const first = server.running;
    first.child.kill('SIGKILL');
    await waitForExit(first.child, 10_000);
    server.running = launch(server.env, await freePort());
    const boot_started = Date.now();
    await ready();
    let boot_ms = Date.now() - boot_started;
    const login = await api('POST', '/api/v1/auth/login', { json: { email: admin_email, password: PASSWORD } });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const admin = String(login.body.token);
    const run_started = Date.now();
    const opened = await api('POST', '/api/v1/payouts/run', { token: admin });
    expect(opened.status, JSON.stringify(opened.body)).toBe(202);
    const run_id = String(opened.body.id);
    expect(opened.body, 'every eligible seller has a payout, none held for review').toMatchObject({ status: 'running', total_items: SELLERS });

    const runView = async (): Promise<RunView> => {
      const got = await settle('payout run', 'get_run', () => api('GET', `/api/v1/payouts/runs/${run_id}`, { token: admin }));
      check(got.status === 200, 'payout run', `GET run: ${got.status} ${JSON.stringify(got.body)}`);
      return got.body as unknown as RunView;
    };

    // The killer. A process paying a run answers no request at all until it is done (PGlite's queries finish in
    // microtasks, so processRun's loop never lets the event loop serve HTTP, not even /readyz): the run cannot be
    // polled between kills. So each kill is timed blind and what it interrupted is read from the database before the
    // next start. Kill 1 comes at a random share of the run's expected time after it started; each later one at the
    // boot time plus a random share of what is left, at the pace kill 1 measured. A kill that found no progress came
    // while the process still booted (a crash all the same): the boot time is taken longer for the next.
    const killed_at: { done_items: number; after_ms: number }[] = [];
    let finished_before_kill: number | undefined;
    let ms_per_item = 8;
    let done = 0;
    let since = Date.now();
    for (let k = 0; k < KILLS; k += 1) {
      const boot = k === 0 ? 0 : boot_ms;
      await sleep(boot + Math.floor((0.05 + 0.6 * random()) * (SELLERS - done) * ms_per_item));
      const after_ms = Date.now() - since;
      await kill(started);
      const seen = await runAtKill(DATA_DIR, run_id);
      killed_at.push({ done_items: seen.done_items, after_ms });
      if (k === 0 && seen.done_items > 0) ms_per_item = after_ms / seen.done_items;
      if (k > 0 && seen.done_items === done) boot_ms = after_ms + 500;
      done = seen.done_items;
      server.running = launch(server.env, await freePort());
      since = Date.now();
      if (seen.status === 'done') {
        finished_before_kill = k;
        break;
      }
    }
    const last_start = Date.now();
    await ready();
    const last_ready_ms = Date.now() - last_start;
    let view = await runView();
    for (const deadline = Date.now() + STEP_DEADLINE_MS; view.status !== 'done'; view = await runView()) {
      check(Date.now() < deadline, 'payout run', `still ${view.status} at ${view.done_items}/${view.total_items} after the last restart`);
      await sleep(100);
    }
    const run_ms = Date.now() - run_started;

    // What the admin sees.
    const eligible = plan.filter((p) => p.eligible);
    const below = plan.filter((p) => !p.eligible);
    const expected_total = sum(eligible.map((p) => p.amount_minor));
    expect(view).toMatchObject({ status: 'done', total_items: SELLERS, done_items: SELLERS, sent: { amount_minor: Number(expected_total), currency: 'THB' } });
    expect(view.payouts.length).toBe(SELLERS);
    expect(view.payouts.filter((p) => p.status !== 'sent')).toEqual([]);
    const trial = await api('GET', '/api/v1/ledger/trial-balance', { token: admin });
    expect(trial.body, 'trial balance while running').toMatchObject({ balanced: true, mismatched_accounts: [] });

    // The books from outside.
    const db = await stopAndOpen(DATA_DIR);
    let runs: Json[];
    let payouts: Json[];
    let sent: Json[];
    let balances: Json[];
    let clearing: Json[];
    try {
      runs = await db.rows(`select id, status, total_items, done_items, sent_minor::text as sent_minor from settlement_payout_runs`);
      payouts = await db.rows(`select id, run_id, seller_id, amount_minor::text as amount_minor, status from settlement_payouts`);
      sent = await db.rows(
        `select id, debit_account_id, credit_account_id, amount_minor::text as amount_minor, kind, code from ledger_transfers where id like 'pot%:sent'`,
      );
      balances = await db.rows(`select a.id, a.owner,
          coalesce(sum(b.credits_posted - b.debits_posted), 0)::text as available,
          coalesce(sum(b.credits_pending - b.debits_pending), 0)::text as pending
        from ledger_accounts a left join ledger_balances b on b.account_id = a.id
        where a.type = 'seller_payable' and a.currency = 'THB' group by a.id, a.owner`);
      clearing = await db.rows(`select a.id, coalesce(sum(b.credits_posted - b.debits_posted), 0)::text as credited
        from ledger_accounts a left join ledger_balances b on b.account_id = a.id
        where a.owner = 'platform' and a.type = 'payout_clearing' and a.currency = 'THB' group by a.id`);
    } finally {
      await db.close();
    }
    expect(runs, 'one run, finished').toEqual([{ id: run_id, status: 'done', total_items: SELLERS, done_items: SELLERS, sent_minor: String(expected_total) }]);
    // One payout per eligible seller, for their whole balance, sent; none for a seller under the minimum.
    expect(payouts.every((p) => p.run_id === run_id && p.status === 'sent')).toBe(true);
    const payout_of = new Map(payouts.map((p) => [String(p.seller_id), p]));
    expect(payout_of.size, 'one payout per seller').toBe(payouts.length);
    expect([...payout_of.keys()].sort()).toEqual(eligible.map((p) => p.seller_id).sort());
    for (const p of eligible) expect(payout_of.get(p.seller_id)?.amount_minor, `payout of ${p.seller_id}`).toBe(String(p.amount_minor));
    for (const p of below) expect(payout_of.has(p.seller_id), `${p.seller_id} is under the minimum`).toBe(false);
    // Exactly one `pot_…:sent` per payout, of its amount, from the seller's balance to payout clearing.
    const account_of = new Map(balances.map((b) => [String(b.owner), b]));
    const [clearing_account] = clearing;
    expect(sent.length, 'transfers pot_…:sent').toBe(payouts.length);
    const sent_by_id = new Map(sent.map((t) => [String(t.id), t]));
    for (const p of payouts) {
      const t = sent_by_id.get(`${p.id}:sent`);
      expect(t, `transfer of payout ${p.id}`).toMatchObject({
        amount_minor: p.amount_minor,
        kind: 'posted',
        code: 'payout_sent',
        debit_account_id: account_of.get(String(p.seller_id))?.id,
        credit_account_id: clearing_account?.id,
      });
    }
    const sent_total = sum(sent.map((t) => BigInt(String(t.amount_minor))));
    expect(sent_total, 'transfers = payouts = the run').toBe(sum(payouts.map((p) => BigInt(String(p.amount_minor)))));
    expect(sent_total).toBe(expected_total);
    expect(clearing_account?.credited, 'payout clearing holds what was sent').toBe(String(expected_total));
    // Paid sellers are at zero; the others kept every satang.
    for (const p of plan)
      expect(account_of.get(p.seller_id), `balance of ${p.seller_id}`).toMatchObject({ available: p.eligible ? '0' : String(p.amount_minor), pending: '0' });

    const verify = runCli(['ledger', 'verify'], server.env);
    expect(verify.status, `${verify.stdout}\n${verify.stderr}`).toBe(0);
    expect(verify.stdout).toContain('ledger balanced');
    rmSync(DATA_DIR, { recursive: true, force: true });

    console.log(
      `payout crash test (seed ${SEED}): ${JSON.stringify({
        setup_ms,
        run_ms,
        total_ms: Date.now() - started,
        sellers: SELLERS,
        below_minimum: below.length,
        payouts: payouts.length,
        sent_minor: String(expected_total),
        killed_at,
        finished_before_kill,
        boot_ms,
        last_ready_ms,
        ms_per_item: Math.round(ms_per_item),
        ...stats,
      })}`,
    );
  });

  it(`${PARCELS} CBEC parcels' customs receipts and tracking events survive ${KILLS} SIGKILLs: stored once, refunded once, the ledger balances`, {
    timeout: 600_000,
  }, async () => {
    const started = Date.now();
    const random = prng(SEED ^ 0x5e771e);
    stats = newStats();
    aborted = undefined;
    const DATA_DIR = await freshDataDir();
    server.env = { DATA_DIR, SAPHAN_SEED: 'none', SAPHAN_SECRET: SECRET, SAPHAN_PII_KEY: PII_KEY };
    console.log(`webhook crash test: seed ${SEED}, ${PARCELS} parcels, ${KILLS} kills, DATA_DIR ${DATA_DIR}`);
    const admin_email = 'admin@settle-crash.saphan.example';
    const operator_email = 'operator@settle-crash.saphan.example';
    createUser(admin_email, 'admin');
    createUser(operator_email, 'gtc_operator');
    server.running = await startProcess(server.env);

    // The spine up to customs, with the server left alone: a verified seller, the day's CNY rate, stock in the hub;
    // each order checked out and paid by wallet, picked, packed, consolidated and dispatched (which declares it).
    const call = async (method: string, url: string, input: Parameters<typeof api>[2], expected: number) => {
      const answer = await api(method, url, input);
      expect(answer.status, `${method} ${url}: ${JSON.stringify(answer.body)}`).toBe(expected);
      return answer.body;
    };
    const login = async (email: string) => String((await call('POST', '/api/v1/auth/login', { json: { email, password: PASSWORD } }, 200)).token);
    const register = async (email: string) => {
      await call('POST', '/api/v1/auth/register', { json: { email, password: PASSWORD, display_name: email.split('@')[0] } }, 201);
      return login(email);
    };
    const admin = await login(admin_email);
    const operator = await login(operator_email);
    const owner = await register('owner@settle-crash.saphan.example');
    const seller_id = String((await call('POST', '/api/v1/sellers', { token: owner, json: sellerBody({ tax_id: taxId(1) }) }, 201)).id);
    await call('POST', `/api/v1/sellers/${seller_id}/submit`, { token: owner }, 200);
    await call('POST', `/api/v1/sellers/${seller_id}/verify`, { token: admin }, 200);
    await call('POST', '/api/v1/fx-rates', { token: admin, json: { currency: 'CNY', rate_date: localDate(new Date(), 7), thb_per_unit: '4.8523' } }, 201);
    const product = await call(
      'POST',
      '/api/v1/products',
      {
        token: owner,
        json: {
          seller_id,
          category_code: 'textile.silk_scarves',
          hs_code: '62141000',
          title: { th: 'ผ้าพันคอไหมทอมือ', zh: '手工真丝围巾', en: 'Hand-woven silk scarf' },
          description: { th: 'ทอมือ', zh: '手工织造', en: 'Hand woven' },
          variants: [{ sku: 'SETTLE-CRASH-SCARF', price: { amount_minor: 89_000, currency: 'THB' }, weight_g: 150 }],
        },
      },
      201,
    );
    const variant_id = String((product.variants as { id: string }[])[0]?.id);
    // China's market needs the Chinese text reviewed.
    await call('PATCH', `/api/v1/products/${String(product.id)}`, { token: owner, json: { translations: { zh: { status: 'reviewed' } } } }, 200);
    await call(
      'POST',
      '/api/v1/inventory/adjustments',
      { token: owner, json: { variant_id, warehouse_code: 'GTC-BKK', delta: PARCELS, reason: 'opening' } },
      201,
    );
    // A few buyers (sign-ups are rate limited), each with a resident ID of their own.
    const buyers: { token: string; identity_id: string }[] = [];
    for (let b = 0; b < Math.min(20, Math.ceil(PARCELS / 4)); b += 1) {
      const token = await register(`buyer${b}@settle-crash.saphan.example`);
      const identity = await call(
        'POST',
        '/api/v1/buyer-identities',
        { token, json: { full_name: '王小明', id_type: 'cn_resident_id', id_number: residentId(b), phone: '+8613800138000' } },
        201,
      );
      buyers.push({ token, identity_id: String(identity.id) });
    }

    interface Parcel {
      i: number;
      buyer: { token: string; identity_id: string };
      ending: 'delivered' | 'returned';
      order_id: string;
      total_minor: number;
      parcel_id: string;
      tracking_no: string;
      declaration_id: string;
    }
    const parcels: Parcel[] = [];
    const prepare = new Slots(4);
    await Promise.all(
      Array.from({ length: PARCELS }, async (_, i) => {
        await prepare.take();
        try {
          const buyer = buyers[i % buyers.length] as Parcel['buyer'];
          const token = buyer.token;
          const cart_id = String((await call('POST', '/api/v1/carts', { token, json: { market: 'CN_CBEC' } }, 201)).id);
          await call('POST', `/api/v1/carts/${cart_id}/items`, { token, json: { variant_id, quantity: 1, replace: true } }, 200);
          const quote = await call(
            'POST',
            '/api/v1/quotes',
            { token, json: { market: 'CN_CBEC', cart_id, ship_to: { country: 'CN' }, buyer_identity_id: buyer.identity_id } },
            201,
          );
          const checkout = await call(
            'POST',
            '/api/v1/checkout',
            {
              token,
              json: { cart_id, quote_id: quote.id, ship_to: CN_SHIP_TO, payment_method: 'wallet', buyer_identity_id: buyer.identity_id },
              headers: { 'idempotency-key': `settle-crash-${SEED}-${i}` },
            },
            201,
          );
          const payment = checkout.payment as { id: string };
          const order = (checkout.orders as { id: string; total: Money }[])[0];
          const paid = await call('POST', `/api/v1/sandbox/payments/${payment.id}/succeed`, { token }, 200);
          expect(paid.status).toBe('succeeded');
          parcels.push({
            i,
            buyer,
            // Every 4th parcel comes back to the sender after clearing customs: its buyer is refunded.
            ending: i % 4 === 3 ? 'returned' : 'delivered',
            order_id: String(order?.id),
            total_minor: Number(order?.total.amount_minor),
            parcel_id: '',
            tracking_no: '',
            declaration_id: '',
          });
        } finally {
          prepare.give();
        }
      }),
    );
    parcels.sort((a, b) => a.i - b.i);
    const by_order = new Map(parcels.map((p) => [p.order_id, p]));
    type ParcelView = { id: string; order_id: string; lane: string; expected_weight_g: number; tracking_no: string | null };
    const picked: ParcelView[] = [];
    while (picked.length < PARCELS) {
      const wave = await call('POST', '/api/v1/fulfilment/waves', { token: operator, json: { warehouse_code: 'GTC-BKK' } }, 201);
      picked.push(...(wave.parcels as ParcelView[]));
    }
    const lanes = new Map<string, string[]>();
    for (const w of picked) {
      const packed = (await call(
        'POST',
        `/api/v1/parcels/${w.id}/pack`,
        { token: operator, json: { weight_g: w.expected_weight_g + 50, length_mm: 250, width_mm: 180, height_mm: 60 } },
        200,
      )) as unknown as ParcelView;
      const p = by_order.get(w.order_id);
      expect(p, `parcel ${w.id} of an order of this test`).toBeDefined();
      if (!p) continue;
      p.parcel_id = w.id;
      p.tracking_no = String(packed.tracking_no);
      lanes.set(w.lane, [...(lanes.get(w.lane) ?? []), w.id]);
    }
    for (const [lane, parcel_ids] of lanes) {
      const consignment = await call('POST', '/api/v1/consignments', { token: operator, json: { warehouse_code: 'GTC-BKK', lane, parcel_ids } }, 201);
      await call('POST', `/api/v1/consignments/${consignment.id}/dispatch`, { token: operator }, 200);
    }
    for (const p of parcels) {
      const listed = await call('GET', `/api/v1/customs/declarations?order_id=${p.order_id}`, { token: admin }, 200);
      const [declaration] = listed.items as { id: string; status: string; check: { ok: boolean } }[];
      expect(declaration, `declaration of ${p.order_id}`).toMatchObject({ status: 'submitted', check: { ok: true } });
      p.declaration_id = String(declaration?.id);
      expect((await call('GET', `/api/v1/orders/${p.order_id}`, { token: p.buyer.token }, 200)).status).toBe('customs_pending');
    }
    const setup_ms = Date.now() - started;

    // Each parcel's messages, as the customs agent and the carrier would send them, signed; some twice, one late.
    const customs_key = webhookSecret(SECRET, 'customs_agent');
    const carrier_key = webhookSecret(SECRET, 'carrier:sandbox');
    interface Message {
      what: string;
      url: string;
      content_type: string;
      key: string;
      body: string | Buffer;
      /** The answers it may get the first time (a retry after a lost answer may find it stored: `duplicate`). */
      expect: 'applied' | 'late';
      /** Sent twice: one copy after the other, or both at once. */
      twice?: 'after' | 'together';
      t: number;
      signature: string;
      guid?: string;
      event_id?: string;
    }
    const now_s = () => Math.floor(Date.now() / 1000);
    const message = (m: Omit<Message, 't' | 'signature'>): Message => {
      const t = now_s();
      return { ...m, t, signature: signNotification(m.key, t, m.body) };
    };
    const T0 = Date.now() - 2 * 3_600_000;
    const plans = new Map<Parcel, Message[]>();
    for (const p of parcels) {
      const list: Message[] = [];
      const release = SANDBOX_SCENARIOS.release;
      const dup_receipt = Math.floor(random() * release.length);
      for (const [k, [message_type, return_status, return_info]] of release.entries()) {
        const guid = uuid(random);
        const receipt: customs.Receipt = {
          message_type,
          guid,
          order_no: p.order_id,
          return_status,
          return_time: new Date(T0 + p.i * 10_000 + k * 1_000),
          return_info,
          ...(message_type === 'CEB622'
            ? {
                invt_no: `${customs.PLATFORM_CUSTOMS.customs_code}${p.declaration_id.slice(-14).toUpperCase()}`,
                customs_code: customs.PLATFORM_CUSTOMS.customs_code,
                agent_code: customs.SANDBOX_AGENT.code,
              }
            : { ebp_code: customs.PLATFORM_CUSTOMS.ebp.code }),
        };
        list.push(
          message({
            what: `${message_type} ${return_status}`,
            url: '/api/v1/customs/receipts',
            content_type: 'application/xml',
            key: customs_key,
            body: customs.buildReceiptXml(receipt),
            expect: 'applied',
            ...(k === dup_receipt ? { twice: p.i % 2 === 0 ? 'after' : 'together' } : {}),
            guid,
          }),
        );
      }
      const codes = ['picked_up', 'departed_hub', 'at_border', 'out_for_delivery', p.ending] as const;
      // The last event (delivery or return) is the one sent twice for every other parcel; otherwise a random one.
      const dup_event = p.i % 2 === 0 ? codes.length - 1 : Math.floor(random() * codes.length);
      const event = (code: string, minutes: number, expect: Message['expect'], twice?: Message['twice']) => {
        const event_id = `evt-${SEED}-${p.i}-${code}`;
        const body = JSON.stringify({
          event_id,
          tracking_no: p.tracking_no,
          code,
          occurred_at: new Date(T0 + minutes * 60_000).toISOString(),
          location: 'Nanning',
        });
        return message({
          what: code,
          url: '/api/v1/tracking/webhooks/sandbox',
          content_type: 'application/json',
          key: carrier_key,
          body,
          expect,
          twice,
          event_id,
        });
      };
      for (const [k, code] of codes.entries()) {
        // Every third parcel hears, before its last event, of one that happened long before (it is kept, and changes nothing).
        if (k === codes.length - 1 && p.i % 3 === 1) list.push(event('in_customs', 15, 'late'));
        list.push(event(code, 10 + k * 10, 'applied', k === dup_event ? (p.i % 4 < 2 ? 'after' : 'together') : undefined));
      }
      plans.set(p, list);
    }
    const total_sends = [...plans.values()].flat().reduce((s, m) => s + (m.twice ? 2 : 1), 0);

    /** Sends a message until it is answered: the same bytes, the same signature until it nears its five minutes, then signed again. */
    const deliver = (p: Parcel, m: Message) =>
      settle(`parcel ${p.i} (${p.order_id}) ${m.what}`, m.url.includes('customs') ? 'receipt' : 'tracking', () => {
        if (now_s() - m.t > RESIGN_AFTER_S) {
          m.t = now_s();
          m.signature = signNotification(m.key, m.t, m.body);
          stats.resigned += 1;
        }
        return api('POST', m.url, { body: m.body, headers: { 'content-type': m.content_type, 'x-saphan-signature': m.signature } });
      });
    const outcomes: Record<string, number> = {};
    let answered = 0;
    const slots = new Slots(CONCURRENCY);
    const storm = async (p: Parcel) => {
      await slots.take();
      try {
        for (const m of plans.get(p) ?? []) {
          const who = `parcel ${p.i} (${p.order_id}) ${m.what}`;
          const copies = m.twice === 'together' ? await Promise.all([deliver(p, m), deliver(p, m)]) : [await deliver(p, m)];
          if (m.twice === 'after') copies.push(await deliver(p, m));
          answered += copies.length;
          for (const a of copies) {
            const outcome = String(a.body.outcome ?? a.body.code);
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
            check(a.status === 200, who, `${a.status} ${JSON.stringify(a.body)}`);
          }
          const got = copies.map((a) => String(a.body.outcome));
          const retried = copies.some((a) => a.retried > 0);
          // Exactly one copy did the work — unless an answer was lost with a killed process, and its retry found it stored.
          const did = got.filter((o) => o === m.expect).length;
          check(
            got.every((o) => o === m.expect || o === 'duplicate') && (retried ? did <= 1 : did === 1),
            who,
            `answers ${got.join(', ')} (expected one ${m.expect}, the rest duplicate; retried: ${retried})`,
          );
        }
      } finally {
        slots.give();
      }
    };

    // The killer: after a random share of the sends has been answered (5–85 %), wait 0–300 ms more and SIGKILL.
    const storm_started = Date.now();
    const points = Array.from({ length: KILLS }, () => Math.floor(total_sends * (0.05 + random() * 0.8))).sort((x, y) => x - y);
    let all_done = false;
    const killer = (async () => {
      for (const point of points) {
        while (answered < point && !all_done && !aborted) await sleep(10);
        if (all_done || aborted) return;
        await sleep(Math.floor(random() * 300));
        await killAndRestart(started).catch(() => undefined);
      }
    })();
    const settled = await Promise.allSettled(parcels.map((p) => storm(p)));
    all_done = true;
    await killer;
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (aborted) throw aborted;
    if (failure) throw failure.reason;
    const storm_ms = Date.now() - storm_started;
    expect(server.running, 'the server is up after the last restart').toBeDefined();

    // What the buyers see: delivered, or refunded once for the whole order.
    const returned = parcels.filter((p) => p.ending === 'returned');
    for (const p of parcels) {
      const got = await settle(`order ${p.order_id}`, 'order', () => api('GET', `/api/v1/orders/${p.order_id}`, { token: p.buyer.token }));
      expect(got.status).toBe(200);
      const refunds = (got.body.refunds ?? []) as { amount: Money }[];
      if (p.ending === 'delivered')
        expect({ status: got.body.status, refunds: refunds.length }, `order ${p.order_id}`).toEqual({ status: 'delivered', refunds: 0 });
      else {
        expect(got.body.status, `order ${p.order_id}`).toBe('refunded');
        expect(
          refunds.map((r) => r.amount.amount_minor),
          `refunds of ${p.order_id}`,
        ).toEqual([p.total_minor]);
      }
    }
    const trial = await api('GET', '/api/v1/ledger/trial-balance', { token: admin });
    expect(trial.body, 'trial balance while running').toMatchObject({ balanced: true, mismatched_accounts: [] });

    // The books from outside.
    const db = await stopAndOpen(DATA_DIR);
    let audit: Record<'orders' | 'refunds' | 'receipts' | 'events' | 'declarations' | 'parcels' | 'holds' | 'settled', Json[]>;
    try {
      audit = {
        orders: await db.rows(`select id, status, total_minor::text as total, refunded_minor::text as refunded from orders_orders`),
        refunds: await db.rows(`select order_id, count(*)::int as n, sum(amount_minor)::text as amount from payments_refunds group by order_id`),
        receipts: await db.rows(`select message_type, guid, order_no, outcome from customs_receipts`),
        events: await db.rows(`select carrier, event_id, outcome from fulfilment_tracking_events`),
        declarations: await db.rows(`select order_id, status from customs_declarations`),
        parcels: await db.rows(`select order_id, status from fulfilment_parcels`),
        holds: await db.rows(
          `select id, amount_minor::text as amount, pending_open_minor::text as open from ledger_transfers where kind = 'pending' and id like 'ord%:hold'`,
        ),
        settled: await db.rows(`select pending_id, kind, count(*)::int as n, sum(amount_minor)::text as amount
            from ledger_transfers where kind in ('post_pending', 'void_pending') and pending_id like 'ord%:hold' group by pending_id, kind`),
      };
    } finally {
      await db.close();
    }
    const sent_messages = [...plans.values()].flat();
    const guids = sent_messages.flatMap((m) => (m.guid ? [m.guid] : []));
    const event_ids = sent_messages.flatMap((m) => (m.event_id ? [m.event_id] : []));
    const late_ids = sent_messages.flatMap((m) => (m.event_id && m.expect === 'late' ? [m.event_id] : []));
    // Each receipt and each event stored once (by message type and guid; by carrier and event id), and nothing else.
    expect(audit.receipts.length, 'receipts stored').toBe(guids.length);
    expect(new Set(audit.receipts.map((r) => `${r.message_type} ${r.guid}`)).size).toBe(guids.length);
    expect(audit.receipts.map((r) => String(r.guid)).sort()).toEqual([...guids].sort());
    expect(audit.receipts.filter((r) => r.outcome !== 'applied')).toEqual([]);
    expect(audit.events.length, 'events stored').toBe(event_ids.length);
    expect(audit.events.map((e) => String(e.event_id)).sort()).toEqual([...event_ids].sort());
    expect(
      audit.events
        .filter((e) => e.outcome === 'late')
        .map((e) => String(e.event_id))
        .sort(),
    ).toEqual([...late_ids].sort());
    // Orders, parcels and declarations where the messages left them.
    const row = (table: Json[], order_id: string, column = 'order_id') => table.find((r) => r[column] === order_id);
    expect(audit.orders.length).toBe(PARCELS);
    for (const p of parcels) {
      const refunded = p.ending === 'returned';
      const total = String(p.total_minor);
      expect(row(audit.orders, p.order_id, 'id'), `order ${p.order_id}`).toMatchObject({
        status: refunded ? 'refunded' : 'delivered',
        refunded: refunded ? total : '0',
      });
      expect(row(audit.parcels, p.order_id)?.status, `parcel of ${p.order_id}`).toBe(p.ending);
      expect(row(audit.declarations, p.order_id)?.status, `declaration of ${p.order_id}`).toBe('released');
      expect(row(audit.refunds, p.order_id), `refunds of ${p.order_id}`).toEqual(refunded ? { order_id: p.order_id, n: 1, amount: total } : undefined);
      // Escrow: a returned order's hold voided once, in full; a delivered one still held whole (not released before confirmation).
      expect(row(audit.holds, `${p.order_id}:hold`, 'id'), `hold of ${p.order_id}`).toEqual({
        id: `${p.order_id}:hold`,
        amount: total,
        open: refunded ? '0' : total,
      });
      expect(
        audit.settled.filter((s) => s.pending_id === `${p.order_id}:hold`),
        `releases and voids of ${p.order_id}`,
      ).toEqual(refunded ? [{ pending_id: `${p.order_id}:hold`, kind: 'void_pending', n: 1, amount: total }] : []);
    }

    const verify = runCli(['ledger', 'verify'], server.env);
    expect(verify.status, `${verify.stdout}\n${verify.stderr}`).toBe(0);
    expect(verify.stdout).toContain('ledger balanced');
    rmSync(DATA_DIR, { recursive: true, force: true });

    console.log(
      `webhook crash test (seed ${SEED}): ${JSON.stringify({
        setup_ms,
        storm_ms,
        total_ms: Date.now() - started,
        parcels: PARCELS,
        delivered: PARCELS - returned.length,
        returned: returned.length,
        sends: total_sends,
        receipts: guids.length,
        events: event_ids.length,
        late: late_ids.length,
        kill_points: points,
        outcomes,
        ...stats,
      })}`,
    );
  });
});
