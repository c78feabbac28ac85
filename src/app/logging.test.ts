import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { pathOnly, serializeError } from './logging.js';

describe('log hygiene', () => {
  it('drops query strings from logged URLs', () => {
    expect(pathOnly('/reset-password?token=secret')).toBe('/reset-password');
  });

  it('drops the bound parameters Drizzle puts into query errors', () => {
    const error = new Error('Failed query: insert into "identity_users" values ($1, $2)\nparams: somchai@example.com,$argon2id$v=19$secret');
    const out = JSON.stringify(serializeError(error));
    expect(out).toContain('Failed query: insert into');
    expect(out).not.toContain('somchai@example.com');
    expect(out).not.toContain('argon2id');
  });

  it('is what the logger writes', () => {
    let written = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        written += String(chunk);
        done();
      },
    });
    const logger = pino({ serializers: { err: serializeError } }, sink);
    logger.error({ err: new Error('Failed query: select 1\nparams: 1101700207030') }, 'boom');
    expect(written).not.toContain('1101700207030');
  });
});
