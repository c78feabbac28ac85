import { describe, expect, it } from 'vitest';
import { LOCALES, negotiateLocale, translate } from './i18n.js';
import { MESSAGES } from './messages.js';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en'],
    ['th', 'th'],
    ['th-TH,th;q=0.9,en;q=0.8', 'th'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['zh-TW', 'zh'],
    ['fr, en;q=0.5', 'en'],
    ['en;q=0.2, zh;q=0.9', 'zh'],
    ['de', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('messages', () => {
  it('every code has a non-empty message in th, zh and en', () => {
    for (const [code, text] of Object.entries(MESSAGES)) {
      for (const locale of LOCALES) expect(text[locale].trim(), `${code}.${locale}`).not.toBe('');
    }
  });

  it('interpolates parameters', () => {
    expect(translate('invalid_transition', 'en', { from: 'verified', action: 'verify' })).toBe('Cannot verify a seller whose status is verified');
    expect(translate('bank_account_invalid', 'th', { digits: 10 })).toContain('10');
  });
});
