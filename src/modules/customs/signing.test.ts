import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EportKey, eportKeyFromFiles, sandboxEportKey, signMessage, unsigned, verifyMessage } from './signing.js';

const CEB = 'http://www.chinaport.gov.cn/ceb';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const MESSAGE = `<?xml version="1.0" encoding="UTF-8"?>
<ceb:CEB311Message guid="6F0E4C1A-2B3D-4E5F-8A9B-0C1D2E3F4A5B" version="1.0" xmlns:ceb="${CEB}" xmlns:xsi="${XSI}">
  <ceb:Order>
    <ceb:OrderHead>
      <ceb:guid>6F0E4C1A-2B3D-4E5F-8A9B-0C1D2E3F4A5B</ceb:guid>
      <ceb:appStatus>2</ceb:appStatus>
      <ceb:consignee>王小明</ceb:consignee>
      <ceb:note/>
    </ceb:OrderHead>
  </ceb:Order>
  <ceb:BaseTransfer>
    <ceb:copCode>4401SAPHAN</ceb:copCode>
    <ceb:dxpMode>DXP</ceb:dxpMode>
  </ceb:BaseTransfer>
</ceb:CEB311Message>
`;

/** The message as inclusive C14N writes it, by hand: no declaration, namespaces then attributes sorted, empty elements opened and closed. */
const CANONICAL = `<ceb:CEB311Message xmlns:ceb="${CEB}" xmlns:xsi="${XSI}" guid="6F0E4C1A-2B3D-4E5F-8A9B-0C1D2E3F4A5B" version="1.0">
  <ceb:Order>
    <ceb:OrderHead>
      <ceb:guid>6F0E4C1A-2B3D-4E5F-8A9B-0C1D2E3F4A5B</ceb:guid>
      <ceb:appStatus>2</ceb:appStatus>
      <ceb:consignee>王小明</ceb:consignee>
      <ceb:note></ceb:note>
    </ceb:OrderHead>
  </ceb:Order>
  <ceb:BaseTransfer>
    <ceb:copCode>4401SAPHAN</ceb:copCode>
    <ceb:dxpMode>DXP</ceb:dxpMode>
  </ceb:BaseTransfer>
</ceb:CEB311Message>`;

const card = sandboxEportKey();
const between = (xml: string, tag: string) => new RegExp(`<ds:${tag}>([^<]*)</ds:${tag}>`).exec(xml)?.[1] ?? '';

describe('the e-Port signature on a declared message (domain.md §2.2)', () => {
  const signed = signMessage(MESSAGE, card);

  it('appends one enveloped ds:Signature after BaseTransfer, laid out as the single window expects', () => {
    expect(signed.match(/<ds:Signature\b/g)).toHaveLength(1);
    expect(signed.indexOf('</ceb:BaseTransfer>')).toBeLessThan(signed.indexOf('<ds:Signature'));
    expect(signed.trimEnd().endsWith('</ds:Signature></ceb:CEB311Message>')).toBe(true);
    expect(signed).toContain(`<ds:Signature xmlns:ds="${DS}">`);
    expect(signed).toContain('<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>');
    expect(signed).toContain(`<ds:SignatureMethod Algorithm="${DS}rsa-sha1"/>`);
    expect(signed).toContain(`<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="${DS}enveloped-signature"/></ds:Transforms>`);
    expect(signed).toContain(`<ds:DigestMethod Algorithm="${DS}sha1"/>`);
    expect(between(signed, 'KeyName')).toBe(card.cert_no);
    expect(between(signed, 'X509Certificate')).toBe(card.certificate_pem.replace(/-----[A-Z ]+-----|\s/g, ''));
    // What was signed is the message untouched.
    expect(unsigned(signed).trimEnd()).toBe(MESSAGE.trimEnd());
  });

  it('digests the canonical message with SHA-1 and signs the canonical SignedInfo with the card (checked without xml-crypto)', () => {
    expect(between(signed, 'DigestValue')).toBe(createHash('sha1').update(CANONICAL, 'utf8').digest('base64'));
    // Inclusive C14N of SignedInfo carries the namespaces in scope (ceb, ds, xsi), sorted, and opens every empty element.
    const info = /<ds:SignedInfo>([\s\S]*)<\/ds:SignedInfo>/.exec(signed)?.[1] ?? '';
    const opened = info.replace(/<(ds:[A-Za-z]+)([^>]*)\/>/g, '<$1$2></$1>');
    const canonical_info = `<ds:SignedInfo xmlns:ceb="${CEB}" xmlns:ds="${DS}" xmlns:xsi="${XSI}">${opened}</ds:SignedInfo>`;
    const value = Buffer.from(between(signed, 'SignatureValue'), 'base64');
    expect(verify('sha1', Buffer.from(canonical_info, 'utf8'), createPublicKey(card.certificate_pem), value)).toBe(true);
  });

  it('verifies against the registered card, and refuses a changed message, another key, another card and no signature', () => {
    expect(verifyMessage(signed, card)).toEqual({ ok: true, cert_no: card.cert_no });
    expect(verifyMessage(signed.replace('王小明', '王大明'), card)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyMessage(signed.replace('<ceb:copCode>4401SAPHAN', '<ceb:copCode>4401OTHERS'), card)).toEqual({ ok: false, reason: 'bad_signature' });
    // Signed by a key that is not the card's, under the card's name and certificate.
    const impostor: EportKey = {
      ...card,
      private_key_pem: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    expect(verifyMessage(signMessage(MESSAGE, impostor), card)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyMessage(signMessage(MESSAGE, { ...card, cert_no: '01SOMEONEELSE00' }), card)).toEqual({ ok: false, reason: 'unknown_card' });
    expect(verifyMessage(MESSAGE, card)).toEqual({ ok: false, reason: 'unsigned' });
    expect(() => signMessage(signed, card)).toThrow(/signed already/);
  });

  it('reads a card from files, refusing a certificate that is not the key’s', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'saphan-eport-'));
    const file = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const cert_file = file('cert.pem', card.certificate_pem);
    const read = eportKeyFromFiles({ key_file: file('key.pem', card.private_key_pem), cert_file, cert_no: card.cert_no });
    expect(verifyMessage(signMessage(MESSAGE, read), card).ok).toBe(true);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => eportKeyFromFiles({ key_file: file('other.pem', other), cert_file, cert_no: card.cert_no })).toThrow(/does not belong/);
  });
});
