import path from 'node:path';
import { type Database, openDatabase } from '../db/client.js';
import { acquireLock } from '../db/lock.js';
import { sandboxCustomsEnv } from '../flows/customs.js';
import { DEFAULT_POLICY } from '../flows/settle.js';
import { localBlobStore } from '../kernel/blobs.js';
import { systemClock } from '../kernel/clock.js';
import { createPiiCipher } from '../kernel/crypto.js';
import { LIMITS } from '../kernel/limits.js';
import * as customs from '../modules/customs/index.js';
import type { Config } from './config.js';
import { purgeIdempotencyKeys } from './idempotency.js';
import { createLogger } from './logging.js';
import { outboxMailer, smtpMailer } from './mail.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedMarker } from './seed.js';
import { buildServer, type Readiness } from './server.js';

/** Opens the database the configuration names; in embedded mode this process becomes DATA_DIR's single owner. */
export async function openConfigured(config: Config, command: string): Promise<{ database: Database; release: () => void }> {
  const release = config.database_url ? () => {} : acquireLock(config.data_dir, command);
  try {
    const database = await openDatabase({ database_url: config.database_url, data_dir: config.data_dir });
    return { database, release };
  } catch (error) {
    release();
    throw error;
  }
}

/** `saphan start`: migrate, listen, seed the demo into an empty database, and stop cleanly on SIGTERM/SIGINT. */
export async function start(config: Config): Promise<void> {
  const logger = createLogger(config.log_level);
  const { database, release } = await openConfigured(config, 'saphan start');
  const readiness: Readiness = { migrated: false, seeded: false };
  await database.migrate();
  readiness.migrated = true;
  const mailer = config.sandbox || !config.smtp_url ? outboxMailer(database) : smtpMailer(config.smtp_url, config.mail_from);
  const app = await buildServer({
    database,
    clock: systemClock,
    mailer,
    pii_key: config.pii_key,
    pii_ring: config.pii_ring,
    secret: config.secret,
    ...(config.promptpay_biller_id ? { promptpay_biller_id: config.promptpay_biller_id } : {}),
    public_base_url: config.public_base_url,
    sandbox: config.sandbox,
    production: config.production,
    readiness,
    logger,
    trust_proxy: config.trust_proxy,
    search_requests_per_minute: config.search_requests_per_minute,
    settlement_policy: {
      ...DEFAULT_POLICY,
      auto_confirm_days: config.settlement.auto_confirm_days ?? DEFAULT_POLICY.auto_confirm_days,
      payout_hold_days: config.settlement.payout_hold_days ?? DEFAULT_POLICY.payout_hold_days,
      payout_minimum_minor: BigInt(config.settlement.payout_minimum_minor ?? DEFAULT_POLICY.payout_minimum_minor),
    },
    blobs: localBlobStore(path.join(config.data_dir, 'blobs')),
    customs: sandboxCustomsEnv(config.eport ? customs.eportKeyFromFiles(config.eport) : customs.sandboxEportKey()),
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      release();
      process.exit(1);
    }, LIMITS.shutdown_timeout_ms);
    force.unref();
    try {
      await app.close();
      await database.close();
    } finally {
      release();
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  await purgeIdempotencyKeys(database, new Date());
  const purge = setInterval(() => void purgeIdempotencyKeys(database, new Date()).catch((err: unknown) => logger.warn({ err }, 'purge failed')), 3_600_000);
  purge.unref();
  if (config.seed === 'demo') {
    const seeded = await seedDemo(database, {
      clock: systemClock,
      pii: createPiiCipher(config.pii_key, config.pii_ring),
      blobs: localBlobStore(path.join(config.data_dir, 'blobs')),
    });
    if (seeded) logger.info({ sellers: seeded.sellers, products: seeded.products }, 'demo data loaded');
  }
  const marker = await seedMarker(database);
  printBanner(config, marker !== undefined);
  readiness.seeded = true;
}

function printBanner(config: Config, demo: boolean): void {
  const url = config.public_base_url;
  const lines = [
    '',
    `  Saphan is running: ${url}   (API ${url}/api/v1, docs ${url}/docs)`,
    `  Database: ${config.database_url ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.data_dir}`}; sandbox ${config.sandbox ? 'on' : 'off'}`,
  ];
  if (demo && config.sandbox) {
    lines.push(`  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.role.padEnd(19)} ${a.email}`);
  }
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}
