import pino, { type Logger } from 'pino';

/**
 * The process logger. Logs carry request ids and never credentials or personal data: URLs lose their
 * query string (reset tokens, search terms), and database errors lose the bound parameters that
 * Drizzle puts into their message (emails, hashes, stored bodies).
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    serializers: {
      req: (req: { id?: string; method?: string; url?: string; ip?: string }) => ({ id: req.id, method: req.method, path: pathOnly(req.url), ip: req.ip }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
      err: serializeError,
    },
  });
}

export function pathOnly(url: string | undefined): string | undefined {
  return url?.split('?')[0];
}

/** Keeps the type, the SQL and the PostgreSQL code; drops query parameters wherever an error carries them. */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  return {
    type: error.name,
    message: withoutParams(error.message),
    ...(typeof (error as Error & { code?: unknown }).code === 'string' ? { code: (error as Error & { code: string }).code } : {}),
    ...(cause && typeof cause.code === 'string' ? { cause_code: cause.code } : {}),
    stack: withoutParams(error.stack ?? ''),
  };
}

function withoutParams(text: string): string {
  return text.replace(/\nparams:[\s\S]*?(?=\n\s+at |$)/, '\nparams: [redacted]');
}
