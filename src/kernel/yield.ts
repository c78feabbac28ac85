/**
 * Gives the event loop a turn. The embedded database (PGlite) answers queries without ever returning
 * to the event loop, so a long loop of transactions would hold off every request (even /healthz)
 * until it ends; background loops call this between their transactions.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
