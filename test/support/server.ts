import { createTestApp, type TestApp } from './app.js';

/** The whole app (web + API) listening on a free loopback port, for browser journeys. */
export async function startTestServer(): Promise<TestApp & { url: string }> {
  const t = await createTestApp({ serve_web: true });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...t, url: address };
}
