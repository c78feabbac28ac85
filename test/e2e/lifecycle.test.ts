import { afterEach, describe, expect, it } from 'vitest';
import { freshTaxId } from '../support/app.js';
import { type Running, runCli, startProcess, tempDataDir, waitForExit } from '../support/process.js';

/** architecture.md, Running, seeding, stopping: the real process, on a real DATA_DIR. */
const ROUNDS = Number(process.env.SAPHAN_CRASH_ROUNDS ?? 2);
let running: Running | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
  running = undefined;
});

async function json(url: string, init: RequestInit & { token?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) };
  const res = await fetch(url, { ...init, headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('saphan start', () => {
  // Seeding the demo takes 45 s alone, two to three times that beside the browser journeys on 2 cores.
  it('seeds the demo once, prints the logins, and SIGTERM exits cleanly within 10 s', { timeout: 360_000 }, async () => {
    const DATA_DIR = tempDataDir();
    running = await startProcess({ DATA_DIR }, 270_000);
    expect(running.output()).toContain('admin@demo.saphan.test');
    const login = await json(`${running.url}/api/v1/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ email: 'compliance@demo.saphan.test', password: 'saphan-demo-2026' }),
    });
    expect(login.status).toBe(200);
    const token = String(login.body.token);
    const first = await json(`${running.url}/api/v1/sellers?limit=200`, { token });
    const statuses = new Set((first.body.items as { status: string }[]).map((s) => s.status));
    expect([...statuses].sort()).toEqual(['draft', 'rejected', 'submitted', 'verified']);
    running.child.kill('SIGTERM');
    const exit = await waitForExit(running.child, 10_000);
    expect(exit.code).toBe(0);
    expect(exit.ms).toBeLessThan(10_000);

    running = await startProcess({ DATA_DIR });
    const again = await json(`${running.url}/api/v1/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ email: 'compliance@demo.saphan.test', password: 'saphan-demo-2026' }),
    });
    const second = await json(`${running.url}/api/v1/sellers?limit=200`, { token: String(again.body.token) });
    expect((second.body.items as unknown[]).length).toBe((first.body.items as unknown[]).length);
  });

  it(`loses nothing acknowledged across ${ROUNDS} SIGKILLs`, async () => {
    const DATA_DIR = tempDataDir();
    const acknowledged: { email: string; seller_id: string }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      running = await startProcess({ DATA_DIR, SAPHAN_SEED: 'none' });
      for (const earlier of acknowledged) {
        const login = await json(`${running.url}/api/v1/auth/login`, {
          method: 'POST',
          body: JSON.stringify({ email: earlier.email, password: 'a long password' }),
        });
        expect(login.status, JSON.stringify(login.body)).toBe(200);
        const seller = await json(`${running.url}/api/v1/sellers/${earlier.seller_id}`, { token: String(login.body.token) });
        expect(seller.status).toBe(200);
      }
      const email = `crash${round}.${Date.now()}@test.saphan.example`;
      expect(
        (await json(`${running.url}/api/v1/auth/register`, { method: 'POST', body: JSON.stringify({ email, password: 'a long password', display_name: 'x' }) }))
          .status,
      ).toBe(201);
      const login = await json(`${running.url}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ email, password: 'a long password' }) });
      const created = await json(`${running.url}/api/v1/sellers`, {
        method: 'POST',
        token: String(login.body.token),
        body: JSON.stringify({
          legal_name_th: 'ร้านทดสอบ',
          tax_id: freshTaxId(),
          province_code: 'TH-50',
          payout: { promptpay_id: '0812345678' },
          pdpa_consent: true,
        }),
      });
      expect(created.status).toBe(201);
      acknowledged.push({ email, seller_id: String(created.body.id) });
      running.child.kill('SIGKILL');
      await waitForExit(running.child, 5_000);
    }
  });

  it('a CLI command refuses a DATA_DIR held by a running server, and takes over a stale lock', async () => {
    const DATA_DIR = tempDataDir();
    running = await startProcess({ DATA_DIR, SAPHAN_SEED: 'none' });
    const refused = runCli(['migrate'], { DATA_DIR });
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain('is in use by process');
    const users = runCli(['users', 'create', '--email', 'x@test.saphan.example', '--password', 'a long password', '--role', 'admin'], { DATA_DIR });
    expect(users.status).toBe(3);
    running.child.kill('SIGKILL');
    await waitForExit(running.child, 5_000);
    running = undefined;
    const created = runCli(['users', 'create', '--email', 'ops@test.saphan.example', '--password', 'a long password', '--role', 'gtc_operator'], { DATA_DIR });
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/created usr_\w+ ops@test\.saphan\.example \(gtc_operator\)/);
    const bad = runCli(['users', 'create', '--email', 'y@test.saphan.example', '--password', 'a long password', '--role', 'emperor'], { DATA_DIR });
    expect(bad.status).toBe(2);
  });

  it('seed --demo fills an empty DATA_DIR and returns when complete; a second run seeds nothing', { timeout: 300_000 }, async () => {
    const DATA_DIR = tempDataDir();
    const first = runCli(['seed', '--demo'], { DATA_DIR });
    expect(first.stdout).toMatch(/demo loaded: \d+ sellers/);
    const second = runCli(['seed', '--demo'], { DATA_DIR });
    expect(second.stdout).toContain('nothing seeded');
  });
});
