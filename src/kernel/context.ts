import type { Clock } from './clock.js';
import type { PiiCipher } from './crypto.js';
import type { Locale } from './i18n.js';

export const ROLES = [
  'buyer',
  'seller_owner',
  'seller_staff',
  'gtc_operator',
  'compliance_officer',
  'lender',
  'academy_staff',
  'gov_analyst',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles held inside an organisation; the others are platform-wide. */
export const ORG_ROLES = ['seller_owner', 'seller_staff'] as const satisfies readonly Role[];
export type OrgRole = (typeof ORG_ROLES)[number];
export type PlatformRole = Exclude<Role, OrgRole>;

export interface Membership {
  readonly org_id: string;
  readonly role: OrgRole;
}

/** Who is acting. Resolved once per request by the app from a session or API key. */
export type Actor =
  | {
      readonly kind: 'user' | 'api_key';
      readonly user_id: string;
      readonly api_key_id?: string;
      readonly roles: readonly PlatformRole[];
      readonly memberships: readonly Membership[];
    }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'system'; readonly reason: string };

/** The explicit context every service receives first (style.md rule 4). */
export interface Ctx {
  readonly actor: Actor;
  readonly locale: Locale;
  readonly clock: Clock;
  readonly request_id?: string | undefined;
  /** Encrypts personal data at rest; keys come from configuration. */
  readonly pii: PiiCipher;
}

export function hasRole(actor: Actor, ...roles: PlatformRole[]): boolean {
  return (actor.kind === 'user' || actor.kind === 'api_key') && actor.roles.some((r) => roles.includes(r));
}

export function memberRole(actor: Actor, org_id: string): OrgRole | undefined {
  if (actor.kind !== 'user' && actor.kind !== 'api_key') return undefined;
  return actor.memberships.find((m) => m.org_id === org_id)?.role;
}
