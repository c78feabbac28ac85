import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/kernel/clock.js';
import { bearer, createTestApp, PASSWORD, type TestApp, userWithToken } from '../support/app.js';

/** Everything that expires, on a fake clock (style.md: table-driven tests with a fake clock). */
let t: TestApp;
const clock = new FakeClock('2026-11-26T03:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

const DAY_MS = 24 * 3_600_000;

describe('expiry', () => {
  it('a session lasts 30 days', async () => {
    const user = await userWithToken(t);
    clock.advance(29 * DAY_MS);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(user.token) })).statusCode).toBe(200);
    clock.advance(2 * DAY_MS);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(user.token) })).statusCode).toBe(401);
  });

  it('a reset link works for an hour', async () => {
    const user = await userWithToken(t);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    const mail = (await t.app.inject({ method: 'GET', url: '/api/v1/sandbox/mail' })).json().items.find((m: { to: string }) => m.to === user.email);
    const token = decodeURIComponent(/token=(\S+)/.exec(mail.text)?.[1] ?? '');
    clock.advance(3_600_000 + 1);
    const late = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'a brand new password' } });
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('reset_token_invalid');
  });

  it('an account locked by failures opens again after the window', async () => {
    const user = await userWithToken(t);
    for (let i = 0; i < 5; i += 1)
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'wrong password!!' } });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: PASSWORD } })).statusCode).toBe(429);
    clock.advance(15 * 60_000 + 1);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: PASSWORD } })).statusCode).toBe(200);
  });
});
