import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  SAPHAN_SMTP_URL: 'smtp://mail.example:587',
  SAPHAN_SECRET: 's'.repeat(40),
  SAPHAN_PII_KEY: 'p'.repeat(40),
  DATA_DIR: '/tmp/saphan-config-test',
};

describe('the e-Port card in the configuration', () => {
  it('is required in production, and its three settings go together', () => {
    expect(() => loadConfig(PRODUCTION)).toThrow(/SAPHAN_EPORT_KEY_FILE/);
    expect(() => loadConfig({ ...PRODUCTION, SAPHAN_EPORT_KEY_FILE: '/etc/saphan/eport-key.pem' })).toThrow(/go together/);
    const config = loadConfig({
      ...PRODUCTION,
      SAPHAN_EPORT_KEY_FILE: '/etc/saphan/eport-key.pem',
      SAPHAN_EPORT_CERT_FILE: '/etc/saphan/eport-cert.pem',
      SAPHAN_EPORT_CERT_NO: '01ABCDEF12345678',
    });
    expect(config.eport).toEqual({ key_file: '/etc/saphan/eport-key.pem', cert_file: '/etc/saphan/eport-cert.pem', cert_no: '01ABCDEF12345678' });
  });

  it('defaults to the sandbox card in development', () => {
    expect(loadConfig({ ...PRODUCTION, NODE_ENV: 'development' }).eport).toBeUndefined();
  });
});
