import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Tables of the identity module (prefix `identity_`). */

export const users = pgTable(
  'identity_users',
  {
    id: text('id').primaryKey(),
    /** Lower-cased; unique. */
    email: text('email').notNull(),
    display_name: text('display_name').notNull(),
    password_hash: text('password_hash').notNull(),
    locale: text('locale', { enum: ['th', 'zh', 'en'] }).notNull(),
    /** Platform-wide roles; organisation roles live in memberships. Every user is at least a buyer. */
    roles: text('roles').array().notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('identity_users_email_key').on(t.email)],
);

export const organisations = pgTable('identity_organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['seller'] }).notNull(),
  created_at: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const memberships = pgTable(
  'identity_memberships',
  {
    org_id: text('org_id').notNull(),
    user_id: text('user_id').notNull(),
    role: text('role', { enum: ['seller_owner', 'seller_staff'] }).notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.org_id, t.user_id] }), index('identity_memberships_user_idx').on(t.user_id)],
);

export const sessions = pgTable(
  'identity_sessions',
  {
    id: text('id').primaryKey(),
    token_hash: text('token_hash').notNull(),
    user_id: text('user_id').notNull(),
    csrf_token: text('csrf_token').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
    revoked_at: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('identity_sessions_token_key').on(t.token_hash)],
);

export const apiKeys = pgTable(
  'identity_api_keys',
  {
    id: text('id').primaryKey(),
    user_id: text('user_id').notNull(),
    name: text('name').notNull(),
    /** The first characters of the key, to recognise it in a list; the key itself is never stored. */
    prefix: text('prefix').notNull(),
    key_hash: text('key_hash').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    revoked_at: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('identity_api_keys_hash_key').on(t.key_hash), index('identity_api_keys_user_idx').on(t.user_id)],
);

export const passwordResets = pgTable(
  'identity_password_resets',
  {
    id: text('id').primaryKey(),
    user_id: text('user_id').notNull(),
    token_hash: text('token_hash').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
    used: boolean('used').notNull().default(false),
  },
  (t) => [uniqueIndex('identity_password_resets_token_key').on(t.token_hash)],
);

/** Failed logins, for per-account and per-address throttling. The email is kept only as a keyed hash. */
export const loginFailures = pgTable(
  'identity_login_failures',
  {
    id: text('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    account_hash: text('account_hash').notNull(),
    address: text('address').notNull(),
  },
  (t) => [index('identity_login_failures_account_idx').on(t.account_hash, t.at), index('identity_login_failures_address_idx').on(t.address, t.at)],
);

/**
 * A buyer's identity for customs (real name, ID number, phone): every personal field encrypted at
 * rest (AES-256-GCM), the ID number also as a blind index so that the annual CBEC allowance can be
 * counted per number across accounts without decrypting.
 */
export const buyerIdentities = pgTable(
  'identity_buyer_identities',
  {
    id: text('id').primaryKey(),
    user_id: text('user_id').notNull(),
    id_type: text('id_type', { enum: ['cn_resident_id', 'passport'] }).notNull(),
    full_name_encrypted: text('full_name_encrypted').notNull(),
    id_number_encrypted: text('id_number_encrypted').notNull(),
    id_number_index: text('id_number_index').notNull(),
    id_number_masked: text('id_number_masked').notNull(),
    phone_encrypted: text('phone_encrypted').notNull(),
    phone_masked: text('phone_masked').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Erased on the buyer's request: the phone is gone; name and number stay only where customs records need them. */
    erased_at: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [index('identity_buyer_identities_user_idx').on(t.user_id, t.id), index('identity_buyer_identities_number_idx').on(t.id_number_index)],
);
