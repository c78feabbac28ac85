import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { KeyRing } from '../kernel/crypto.js';
import { randomToken } from '../kernel/crypto.js';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  SAPHAN_SEED: z.enum(['demo', 'none']).optional(),
  SAPHAN_SANDBOX: z.enum(['on', 'off']).optional(),
  SAPHAN_SECRET: z.string().min(32).optional(),
  SAPHAN_PII_KEY: z.string().min(32).optional(),
  /** Older PII keys, newest first, comma-separated: still read after a rotation, never written. */
  SAPHAN_PII_KEYS_PREVIOUS: z.string().optional(),
  /** The key blind indexes were made with (default: the oldest key of the ring). */
  SAPHAN_PII_INDEX_KEY: z.string().min(32).optional(),
  SAPHAN_PUBLIC_URL: z.string().optional(),
  SAPHAN_PROMPTPAY_BILLER_ID: z
    .string()
    .regex(/^\d{15}$/)
    .optional(),
  SAPHAN_SMTP_URL: z.string().optional(),
  SAPHAN_MAIL_FROM: z.string().default('Saphan <no-reply@saphan.example>'),
  /** Behind a load balancer: the proxies whose X-Forwarded-For is believed (Fastify trustProxy: `true`, a hop count, or addresses). */
  SAPHAN_TRUST_PROXY: z.string().optional(),
  /** The enterprise's e-Port card that signs customs messages: private key and certificate (PEM files) and its number. */
  SAPHAN_EPORT_KEY_FILE: z.string().optional(),
  SAPHAN_EPORT_CERT_FILE: z.string().optional(),
  SAPHAN_EPORT_CERT_NO: z.string().min(1).max(64).optional(),
  /** Public search requests per address per minute (load tests raise it). */
  SAPHAN_SEARCH_RATE_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  /** Days after delivery before an undisputed order confirms itself and releases its escrow. */
  SAPHAN_AUTO_CONFIRM_DAYS: z.coerce.number().int().min(1).max(60).optional(),
  /** Days a released amount stays pending before the seller can be paid it. */
  SAPHAN_PAYOUT_HOLD_DAYS: z.coerce.number().int().min(0).max(60).optional(),
  /** The smallest balance a payout run pays, in baht. */
  SAPHAN_PAYOUT_MINIMUM_THB: z.coerce.number().int().min(1).max(1_000_000).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly data_dir: string;
  readonly database_url: string | undefined;
  readonly seed: 'demo' | 'none';
  readonly sandbox: boolean;
  readonly production: boolean;
  readonly secret: string;
  readonly pii_key: string;
  /** The rest of the PII key ring (rotation). */
  readonly pii_ring: KeyRing;
  /** The platform's PromptPay biller ID; unset means the sandbox bank's. */
  readonly promptpay_biller_id: string | undefined;
  readonly public_base_url: string;
  readonly smtp_url: string | undefined;
  readonly mail_from: string;
  readonly log_level: string;
  readonly trust_proxy: boolean | number | string;
  readonly search_requests_per_minute: number | undefined;
  /** The e-Port card's files; unset means the sandbox card (refused in production). */
  readonly eport: { key_file: string; cert_file: string; cert_no: string } | undefined;
  /** Auto-confirm days, holding period, payout minimum (satang); unset ones take LIMITS. */
  readonly settlement: { auto_confirm_days?: number; payout_hold_days?: number; payout_minimum_minor?: number };
}

/**
 * Reads configuration from the environment (architecture.md, Configuration). In embedded mode the
 * signing and encryption keys are generated once into DATA_DIR; in production they are required.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  const production = e.NODE_ENV === 'production';
  const data_dir = path.resolve(e.DATA_DIR);
  const sandbox = e.SAPHAN_SANDBOX ? e.SAPHAN_SANDBOX === 'on' : !production;
  if (production && sandbox)
    throw new Error('SAPHAN_SANDBOX=on is refused when NODE_ENV=production (sandbox partners and the mail outbox are for development)');
  if (production && !e.SAPHAN_SMTP_URL) throw new Error('SAPHAN_SMTP_URL is required when NODE_ENV=production (password-reset mail must leave the building)');
  const eport_given = [e.SAPHAN_EPORT_KEY_FILE, e.SAPHAN_EPORT_CERT_FILE, e.SAPHAN_EPORT_CERT_NO].filter((v) => v !== undefined).length;
  if (eport_given !== 0 && eport_given !== 3) throw new Error('SAPHAN_EPORT_KEY_FILE, SAPHAN_EPORT_CERT_FILE and SAPHAN_EPORT_CERT_NO go together');
  if (production && eport_given === 0)
    throw new Error('SAPHAN_EPORT_KEY_FILE, _CERT_FILE and _CERT_NO are required when NODE_ENV=production (customs messages are signed with the e-Port card)');
  if (e.SAPHAN_PII_KEYS_PREVIOUS?.trim() && !e.SAPHAN_PII_INDEX_KEY)
    throw new Error(
      'SAPHAN_PII_INDEX_KEY is required once SAPHAN_PII_KEYS_PREVIOUS is set: blind indexes (annual allowance, tax-ID uniqueness) must keep the key they were made with',
    );
  const keys = e.SAPHAN_SECRET && e.SAPHAN_PII_KEY ? { secret: e.SAPHAN_SECRET, pii_key: e.SAPHAN_PII_KEY } : embeddedKeys(data_dir, production);
  return {
    port: e.PORT,
    host: e.HOST,
    data_dir,
    database_url: e.DATABASE_URL || undefined,
    // The demo's accounts have published passwords: never loaded into a production database by default.
    seed: e.SAPHAN_SEED ?? (production ? 'none' : 'demo'),
    sandbox,
    production,
    secret: e.SAPHAN_SECRET ?? keys.secret,
    pii_key: e.SAPHAN_PII_KEY ?? keys.pii_key,
    pii_ring: {
      previous: (e.SAPHAN_PII_KEYS_PREVIOUS ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k.length > 0),
      index_key: e.SAPHAN_PII_INDEX_KEY,
    },
    promptpay_biller_id: e.SAPHAN_PROMPTPAY_BILLER_ID,
    public_base_url: e.SAPHAN_PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`,
    smtp_url: e.SAPHAN_SMTP_URL,
    mail_from: e.SAPHAN_MAIL_FROM,
    log_level: e.LOG_LEVEL,
    trust_proxy: parseTrustProxy(e.SAPHAN_TRUST_PROXY),
    search_requests_per_minute: e.SAPHAN_SEARCH_RATE_PER_MINUTE,
    eport:
      e.SAPHAN_EPORT_KEY_FILE && e.SAPHAN_EPORT_CERT_FILE && e.SAPHAN_EPORT_CERT_NO
        ? { key_file: e.SAPHAN_EPORT_KEY_FILE, cert_file: e.SAPHAN_EPORT_CERT_FILE, cert_no: e.SAPHAN_EPORT_CERT_NO }
        : undefined,
    settlement: {
      ...(e.SAPHAN_AUTO_CONFIRM_DAYS !== undefined ? { auto_confirm_days: e.SAPHAN_AUTO_CONFIRM_DAYS } : {}),
      ...(e.SAPHAN_PAYOUT_HOLD_DAYS !== undefined ? { payout_hold_days: e.SAPHAN_PAYOUT_HOLD_DAYS } : {}),
      ...(e.SAPHAN_PAYOUT_MINIMUM_THB !== undefined ? { payout_minimum_minor: e.SAPHAN_PAYOUT_MINIMUM_THB * 100 } : {}),
    },
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function embeddedKeys(data_dir: string, production: boolean): { secret: string; pii_key: string } {
  if (production) throw new Error('SAPHAN_SECRET and SAPHAN_PII_KEY (32+ characters each) are required when NODE_ENV=production');
  const file = path.join(data_dir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { secret: string; pii_key: string };
  mkdirSync(data_dir, { recursive: true });
  const keys = { secret: randomToken(), pii_key: randomToken() };
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}
