import { useRef } from 'react';
import { ApiError, newIdempotencyKey } from './api.js';

/**
 * The Idempotency-Key of a creating POST: the same key while the same body is retried after a failure whose outcome
 * is unknown (network error, 5xx), a new one otherwise. The server replays the first answer of a key, errors included,
 * so a settled answer (success or refusal) must not pin the key: creating "ci" twice on purpose makes two keys.
 */
export function useIdempotencyKey() {
  const attempt = useRef<{ key: string; body: string } | null>(null);
  return {
    keyFor(body: unknown): string {
      const json = JSON.stringify(body);
      if (!attempt.current || attempt.current.body !== json) attempt.current = { key: newIdempotencyKey(), body: json };
      return attempt.current.key;
    },
    settle(error?: unknown): void {
      const unknownOutcome = error instanceof ApiError && (error.status === 0 || error.status >= 500);
      if (!unknownOutcome) attempt.current = null;
    },
  };
}
