import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../app/config.js';
import { openConfigured, start } from '../app/main.js';
import { seedDemo } from '../app/seed.js';
import { inTransaction } from '../db/client.js';
import { DataDirLockedError } from '../db/lock.js';
import { rebuildSearchIndex } from '../flows/index-product.js';
import { DEFAULT_POLICY, processRun, startPayoutRun } from '../flows/settle.js';
import { localBlobStore } from '../kernel/blobs.js';
import { systemClock } from '../kernel/clock.js';
import { type OrgRole, type PlatformRole, ROLES } from '../kernel/context.js';
import { createPiiCipher } from '../kernel/crypto.js';
import { unwrap } from '../kernel/http.js';
import { translate } from '../kernel/i18n.js';
import * as customs from '../modules/customs/index.js';
import * as identity from '../modules/identity/index.js';
import * as ledger from '../modules/ledger/index.js';
import * as orders from '../modules/orders/index.js';
import * as sellers from '../modules/sellers/index.js';
import * as settlement from '../modules/settlement/index.js';
import { importFile } from './import.js';

const USAGE = `saphan <command>

  start                         migrate, seed the demo into an empty database, serve web + API + docs
  migrate                       apply database migrations
  seed --demo                   load the demo data into an empty database (once)
  users create --email E --password P --role R [--org ORG]
                                create a user with a role; seller_owner/seller_staff need --org (an org_… id)
  search rebuild                rebuild the search projection from the catalogue, compliance and stock
  ledger verify                 prove the books: each currency sums to zero, cached balances match the transfers
  payouts run                   pay every available seller balance above the minimum (or finish a run left
                                half-way), with progress; the bank file is at GET /payouts/runs/{id}/bank-file
  pii rotate                    rewrite every encrypted personal field under SAPHAN_PII_KEY (the old key
                                stays in SAPHAN_PII_KEYS_PREVIOUS until this has run and 48 h have passed)
  import FILE --seller ID [--url URL] [--lang th|zh|en]
                                upload a CSV/XLSX of products to a running server (API key in
                                SAPHAN_API_KEY or --api-key) and follow the job's progress

Configuration comes from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, SAPHAN_SEED, ...`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start':
      await start(config);
      return -1;
    case 'migrate': {
      const { database, release } = await openConfigured(config, 'saphan migrate');
      try {
        await database.migrate();
        process.stdout.write('migrations applied\n');
      } finally {
        await database.close();
        release();
      }
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } });
      if (!values.demo) throw new UsageError('seed needs --demo');
      const { database, release } = await openConfigured(config, 'saphan seed');
      try {
        await database.migrate();
        const result = await seedDemo(database, {
          clock: systemClock,
          pii: createPiiCipher(config.pii_key, config.pii_ring),
          blobs: localBlobStore(path.join(config.data_dir, 'blobs')),
        });
        process.stdout.write(
          result
            ? `demo loaded: ${result.sellers} sellers, ${result.products} products, ${result.accounts.length} role accounts\n`
            : 'the database is not empty; nothing seeded\n',
        );
      } finally {
        await database.close();
        release();
      }
      return 0;
    }
    case 'users':
      return usersCommand(rest, config);
    case 'ledger': {
      if (rest[0] !== 'verify') throw new UsageError('ledger verify');
      const { database, release } = await openConfigured(config, 'saphan ledger verify');
      try {
        await database.migrate();
        const trial = await ledger.trialBalance(database.db);
        for (const c of trial.currencies)
          process.stdout.write(
            `${c.currency}: debits ${c.debits_minor}, credits ${c.credits_minor}, posted net ${c.posted_net_minor}, pending net ${c.pending_net_minor}\n`,
          );
        for (const a of trial.mismatched_accounts) process.stdout.write(`cached balance differs from its transfers: ${a}\n`);
        process.stdout.write(trial.balanced ? 'ledger balanced\n' : 'LEDGER NOT BALANCED\n');
        return trial.balanced ? 0 : 1;
      } finally {
        await database.close();
        release();
      }
    }
    case 'payouts': {
      if (rest[0] !== 'run') throw new UsageError('payouts run');
      const { database, release } = await openConfigured(config, 'saphan payouts run');
      try {
        await database.migrate();
        const ctx = {
          actor: { kind: 'system' as const, reason: 'saphan payouts run' },
          locale: 'en' as const,
          clock: systemClock,
          pii: createPiiCipher(config.pii_key, config.pii_ring),
        };
        const policy = {
          ...DEFAULT_POLICY,
          payout_minimum_minor: BigInt(config.settlement.payout_minimum_minor ?? DEFAULT_POLICY.payout_minimum_minor),
        };
        // A run left half-way by a stopped process is finished first; otherwise a new one starts.
        const [open] = await settlement.runningRuns(database.db);
        const run = open ?? unwrap(await inTransaction(database.db, (tx) => startPayoutRun(tx, ctx, policy, 'admin')));
        process.stdout.write(`payout run ${run.id}: ${run.total_items} payouts\n`);
        const done = await processRun(database, ctx, run.id, (n, total) => process.stdout.write(`\rsent ${n}/${total}`));
        process.stdout.write(`\npayout run ${run.id} ${done?.status ?? 'done'}: ${done?.sent_minor ?? 0n} satang sent\n`);
        return 0;
      } finally {
        await database.close();
        release();
      }
    }
    case 'pii': {
      if (rest[0] !== 'rotate') throw new UsageError('pii rotate');
      const { database, release } = await openConfigured(config, 'saphan pii rotate');
      try {
        await database.migrate();
        const pii = createPiiCipher(config.pii_key, config.pii_ring);
        // Stored idempotent answers are not rewritten: they expire within 48 hours, while the old key still reads them.
        const counts = {
          buyer_identities: await identity.rotatePii(database.db, pii),
          sellers: await sellers.rotatePii(database.db, pii),
          orders: await orders.rotatePii(database.db, pii),
          customs_documents: await customs.rotatePii(database.db, pii),
        };
        for (const [what, n] of Object.entries(counts)) process.stdout.write(`${what}: ${n} values rewritten\n`);
        process.stdout.write('every encrypted personal field is now under the current key\n');
        return 0;
      } finally {
        await database.close();
        release();
      }
    }
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { seller: { type: 'string' }, url: { type: 'string' }, 'api-key': { type: 'string' }, lang: { type: 'string' } },
      });
      const file = positionals[0];
      const api_key = values['api-key'] ?? process.env.SAPHAN_API_KEY;
      if (!file || !values.seller) throw new UsageError('import needs a FILE and --seller');
      if (!api_key) throw new UsageError('import needs an API key: SAPHAN_API_KEY or --api-key (create one under Settings → API keys)');
      return importFile({
        file,
        seller_id: values.seller,
        api_key,
        base_url: values.url ?? `http://127.0.0.1:${config.port}`,
        locale: values.lang ?? 'th',
      });
    }
    case 'search': {
      if (rest[0] !== 'rebuild') throw new UsageError('search rebuild');
      const { database, release } = await openConfigured(config, 'saphan search rebuild');
      try {
        await database.migrate();
        const started = performance.now();
        const count = await rebuildSearchIndex(database.db, new Date(), (done, total) => process.stdout.write(`\rindexed ${done}/${total}`));
        process.stdout.write(`\nsearch index rebuilt: ${count} products in ${Math.round(performance.now() - started)} ms\n`);
      } finally {
        await database.close();
        release();
      }
      return 0;
    }
    default:
      process.stdout.write(`${USAGE}\n`);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

class UsageError extends Error {}

async function usersCommand(args: string[], config: ReturnType<typeof loadConfig>): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError('users create --email E --password P --role R [--org ORG]');
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, name: { type: 'string' } },
  });
  if (!values.email || !values.password || !values.role) throw new UsageError('users create needs --email, --password and --role');
  const role = values.role;
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`unknown role ${role}; one of ${ROLES.join(', ')}`);
  const org_role = role === 'seller_owner' || role === 'seller_staff';
  if (org_role && !values.org) throw new UsageError(`${role} needs --org`);
  const { database, release } = await openConfigured(config, 'saphan users create');
  try {
    await database.migrate();
    const ctx = {
      actor: { kind: 'system' as const, reason: 'cli' },
      locale: 'en' as const,
      clock: systemClock,
      pii: createPiiCipher(config.pii_key, config.pii_ring),
    };
    const password_hash = await identity.hashPassword(values.password);
    const user = unwrap(
      await inTransaction(database.db, async (tx) => {
        const created = await identity.createUser(tx, ctx, {
          email: values.email ?? '',
          password_hash,
          display_name: values.name ?? values.email ?? '',
          locale: 'th',
          roles: org_role || role === 'buyer' ? [] : [role as PlatformRole],
        });
        if (!created.ok || !org_role) return created;
        // The operator at the console acts as the system, and the audit log says so.
        const added = await identity.addMember(tx, ctx, { org_id: values.org ?? '', email: created.value.email, role: role as OrgRole });
        return added.ok ? created : added;
      }),
    );
    process.stdout.write(`created ${user.id} ${user.email} (${role}${values.org ? ` in ${values.org}` : ''})\n`);
  } finally {
    await database.close();
    release();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`saphan: refused: ${error.message}\n`);
      process.exit(3);
    }
    if (error instanceof UsageError) {
      process.stderr.write(`saphan: ${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    const domain = error as { error?: { code?: string } };
    if (domain.error?.code) {
      process.stderr.write(`saphan: ${translate(domain.error.code, 'en')}\n`);
      process.exit(1);
    }
    process.stderr.write(`saphan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
