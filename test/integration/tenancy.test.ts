import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformRole } from '../../src/kernel/context.js';
import { bearer, createTestApp, sellerBody, type TestApp, userWithToken } from '../support/app.js';
import { tableCounts } from '../support/counts.js';

/**
 * The tenancy rule for every seller route and every role: a seller's data is visible only to its
 * organisation and to reviewers (compliance officers, admins); to anyone else it does not exist (404).
 */
let t: TestApp;
const tokens: Record<string, string> = {};

type Who = 'anonymous' | 'own_owner' | 'own_owner_api_key' | 'own_staff' | 'other_owner' | 'other_owner_api_key' | 'other_staff' | PlatformRole;
const WHO: Who[] = [
  'anonymous',
  'own_owner',
  'own_owner_api_key',
  'own_staff',
  'other_owner',
  'other_owner_api_key',
  'other_staff',
  'buyer',
  'gtc_operator',
  'compliance_officer',
  'lender',
  'academy_staff',
  'gov_analyst',
  'admin',
];
/** An API key acts with its user's rights: the expectations are those of the user. */
const asUser = (who: Who): Who => (who === 'own_owner_api_key' ? 'own_owner' : who === 'other_owner_api_key' ? 'other_owner' : who);

let own_org = '';
let staff_email = '';

beforeAll(async () => {
  t = await createTestApp();
  const owner = await userWithToken(t);
  tokens.own_owner = owner.token;
  const first = (await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(owner.token), payload: sellerBody() })).json();
  own_org = first.org_id;
  const staff = await userWithToken(t);
  tokens.own_staff = staff.token;
  staff_email = staff.email;
  const added = await t.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${own_org}/members`,
    headers: bearer(owner.token),
    payload: { email: staff.email, role: 'seller_staff' },
  });
  expect(added.statusCode).toBe(201);
  tokens.own_owner_api_key = (
    await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(owner.token), payload: { name: 'own' } })
  ).json().key;
  const other = await userWithToken(t);
  tokens.other_owner = other.token;
  tokens.other_owner_api_key = (
    await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(other.token), payload: { name: 'other' } })
  ).json().key;
  const other_seller = (await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(other.token), payload: sellerBody() })).json();
  const other_staff = await userWithToken(t);
  tokens.other_staff = other_staff.token;
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${other_seller.org_id}/members`,
    headers: bearer(other.token),
    payload: { email: other_staff.email, role: 'seller_staff' },
  });
  for (const role of ['buyer', 'gtc_operator', 'compliance_officer', 'lender', 'academy_staff', 'gov_analyst', 'admin'] as const) {
    tokens[role] = (await userWithToken(t, role === 'buyer' ? [] : [role])).token;
  }
});
afterAll(async () => t?.close());

/** A new seller in the own organisation, in `draft` or `submitted`. */
async function ownSeller(state: 'draft' | 'submitted'): Promise<string> {
  // Every POST /sellers makes a new organisation: the owner adds the staff member to it.
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(tokens.own_owner ?? ''), payload: sellerBody() });
  const seller = res.json();
  const added = await t.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${seller.org_id}/members`,
    headers: bearer(tokens.own_owner ?? ''),
    payload: { email: staff_email, role: 'seller_staff' },
  });
  expect(added.statusCode).toBe(201);
  if (state === 'submitted') await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/submit`, headers: bearer(tokens.own_owner ?? '') });
  return seller.id;
}

const SEE = ['own_owner', 'own_staff', 'compliance_officer', 'admin'];
const expectations: Record<
  string,
  { state: 'draft' | 'submitted'; method: 'GET' | 'POST' | 'PATCH'; path: (id: string) => string; body?: unknown; allowed: Who[]; visible_but_forbidden: Who[] }
> = {
  'GET /sellers/{id}': { state: 'draft', method: 'GET', path: (id) => `/api/v1/sellers/${id}`, allowed: SEE as Who[], visible_but_forbidden: [] },
  'GET /sellers/{id}/history': {
    state: 'draft',
    method: 'GET',
    path: (id) => `/api/v1/sellers/${id}/history`,
    allowed: SEE as Who[],
    visible_but_forbidden: [],
  },
  'PATCH /sellers/{id}': {
    state: 'draft',
    method: 'PATCH',
    path: (id) => `/api/v1/sellers/${id}`,
    body: { legal_name_en: 'Renamed' },
    allowed: ['own_owner', 'own_staff'],
    visible_but_forbidden: ['compliance_officer', 'admin'],
  },
  'POST /sellers/{id}/submit': {
    state: 'draft',
    method: 'POST',
    path: (id) => `/api/v1/sellers/${id}/submit`,
    allowed: ['own_owner'],
    visible_but_forbidden: ['own_staff', 'compliance_officer', 'admin'],
  },
  'POST /sellers/{id}/verify': {
    state: 'submitted',
    method: 'POST',
    path: (id) => `/api/v1/sellers/${id}/verify`,
    allowed: ['compliance_officer', 'admin'],
    visible_but_forbidden: ['own_owner', 'own_staff'],
  },
  'POST /sellers/{id}/reject': {
    state: 'submitted',
    method: 'POST',
    path: (id) => `/api/v1/sellers/${id}/reject`,
    body: { reason_code: 'other', reason: 'x' },
    allowed: ['compliance_officer', 'admin'],
    visible_but_forbidden: ['own_owner', 'own_staff'],
  },
};

describe.each(Object.entries(expectations))('%s', (_route, spec) => {
  it.each(WHO)('as %s', async (who) => {
    const id = await ownSeller(spec.state);
    const before = await t.app.inject({ method: 'GET', url: `/api/v1/sellers/${id}`, headers: bearer(tokens.own_owner ?? '') });
    const headers = who === 'anonymous' ? {} : bearer(tokens[who] ?? '');
    const res = await t.app.inject({ method: spec.method, url: spec.path(id), headers, ...(spec.body ? { payload: spec.body as object } : {}) });
    const as = asUser(who);
    const expected = as === 'anonymous' ? 401 : spec.allowed.includes(as) ? 200 : spec.visible_but_forbidden.includes(as) ? 403 : 404;
    expect(res.statusCode, res.body).toBe(expected);
    if (expected !== 200) {
      const after = await t.app.inject({ method: 'GET', url: `/api/v1/sellers/${id}`, headers: bearer(tokens.own_owner ?? '') });
      expect(after.json()).toEqual(before.json());
    }
    if (expected === 404) expect(res.json().code).toBe('seller_not_found');
  });
});

describe('GET /sellers lists only what the caller may see', () => {
  it.each(WHO.filter((w) => w !== 'anonymous'))('as %s', async (who) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/sellers?limit=200', headers: bearer(tokens[who] ?? '') });
    expect(res.statusCode).toBe(200);
    const orgs = new Set(res.json().items.map((s: { org_id: string }) => s.org_id));
    const as = asUser(who);
    if (as === 'compliance_officer' || as === 'admin') expect(orgs.size).toBeGreaterThan(1);
    else if (as === 'own_owner' || as === 'own_staff') expect([...orgs].includes(own_org)).toBe(true);
    else if (as === 'other_owner' || as === 'other_staff') {
      expect(orgs.size).toBe(1);
      expect(orgs.has(own_org)).toBe(false);
    } else expect(orgs.size).toBe(0);
  });

  it('anonymous is 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sellers' })).statusCode).toBe(401);
  });
});

describe('organisation members', () => {
  it('only the owner adds members; staff of one org cannot join another', async () => {
    const outsider = await userWithToken(t);
    const before = await tableCounts(t.database);
    const byStaff = await t.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${own_org}/members`,
      headers: bearer(tokens.own_staff ?? ''),
      payload: { email: outsider.email, role: 'seller_staff' },
    });
    expect(byStaff.statusCode).toBe(404);
    const byOther = await t.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${own_org}/members`,
      headers: bearer(tokens.other_owner ?? ''),
      payload: { email: outsider.email, role: 'seller_owner' },
    });
    expect(byOther.statusCode).toBe(404);
    expect(await tableCounts(t.database)).toEqual(before);
  });
});

describe('organisation member list and removal', () => {
  it('members and admins see the list; others get 404; only the owner removes staff', async () => {
    const seller = (await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(tokens.own_owner ?? ''), payload: sellerBody() })).json();
    const staff = await userWithToken(t);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${seller.org_id}/members`,
      headers: bearer(tokens.own_owner ?? ''),
      payload: { email: staff.email, role: 'seller_staff' },
    });
    const url = `/api/v1/organisations/${seller.org_id}/members`;
    const asOwner = await t.app.inject({ method: 'GET', url, headers: bearer(tokens.own_owner ?? '') });
    expect(asOwner.json().items.map((m: { role: string }) => m.role)).toEqual(['seller_owner', 'seller_staff']);
    expect((await t.app.inject({ method: 'GET', url, headers: bearer(staff.token) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url, headers: bearer(tokens.admin ?? '') })).statusCode).toBe(200);
    for (const who of ['other_owner', 'buyer', 'compliance_officer'] as const) {
      expect((await t.app.inject({ method: 'GET', url, headers: bearer(tokens[who] ?? '') })).statusCode, who).toBe(404);
    }
    const owner_id = asOwner.json().items[0].user_id;
    expect((await t.app.inject({ method: 'DELETE', url: `${url}/${staff.id}`, headers: bearer(staff.token) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `${url}/${owner_id}`, headers: bearer(tokens.own_owner ?? '') })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `${url}/${staff.id}`, headers: bearer(tokens.own_owner ?? '') })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/sellers/${seller.id}`, headers: bearer(staff.token) })).statusCode).toBe(404);
  });
});
