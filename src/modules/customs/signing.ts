import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignedXml } from 'xml-crypto';

/**
 * The e-Port signature on a declared message (domain.md §2.2: with appStatus 2 a `ds:Signature` is
 * required). The layout is the one China's single window expects, as its signing clients produce it:
 * an enveloped signature appended to the root, inclusive C14N (REC-xml-c14n-20010315), a reference to
 * the whole document (`URI=""`) with only the enveloped-signature transform, a SHA-1 digest, an
 * RSA-SHA1 signature method and a KeyInfo naming the card (`KeyName`, its certificate number) and
 * carrying its X.509 certificate. Canonicalization and signing are xml-crypto's.
 *
 * The key is the enterprise's e-Port card. The built-in one is a sandbox card (a self-signed
 * certificate that says so); production names the real one (SAPHAN_EPORT_KEY_FILE, _CERT_FILE,
 * _CERT_NO). Cards issued since 2022 sign SM2/SM3 inside the card: such a card sits behind this same
 * interface as a signing service (not built: the key never leaves the card).
 */

export interface EportKey {
  /** The card's certificate number (`KeyName`), as the single window registered it. */
  readonly cert_no: string;
  readonly certificate_pem: string;
  readonly private_key_pem: string;
}

const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SIGNATURE = /<ds:Signature\b[\s\S]*<\/ds:Signature>/;

/** The sandbox card: for development, tests and the demo only (its certificate says so). */
export function sandboxEportKey(): EportKey {
  const dir = new URL('./sandbox-eport/', import.meta.url);
  return {
    cert_no: '01SAPHANSANDBOX0',
    certificate_pem: readFileSync(new URL('cert.pem', dir), 'utf8'),
    private_key_pem: readFileSync(new URL('key.pem', dir), 'utf8'),
  };
}

export function eportKeyFromFiles(files: { key_file: string; cert_file: string; cert_no: string }): EportKey {
  const key = { cert_no: files.cert_no, certificate_pem: readFileSync(files.cert_file, 'utf8'), private_key_pem: readFileSync(files.key_file, 'utf8') };
  // Fails early on a certificate that does not parse or does not belong to the key.
  if (!new X509Certificate(key.certificate_pem).checkPrivateKey(createPrivateKey(key.private_key_pem)))
    throw new Error('SAPHAN_EPORT_CERT_FILE does not belong to SAPHAN_EPORT_KEY_FILE');
  return key;
}

function certificateBase64(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

/** Parsed once per card: parsing the PEM costs as much as the signature itself. */
const parsed_keys = new WeakMap<EportKey, KeyObject>();
function keyObject(key: EportKey): KeyObject {
  let found = parsed_keys.get(key);
  if (!found) {
    found = createPrivateKey(key.private_key_pem);
    parsed_keys.set(key, found);
  }
  return found;
}

/** The message with its enveloped ds:Signature appended to the root element. */
export function signMessage(xml: string, key: EportKey): string {
  if (SIGNATURE.test(xml)) throw new Error('the message is signed already');
  const signed = new SignedXml({
    privateKey: keyObject(key),
    canonicalizationAlgorithm: C14N,
    signatureAlgorithm: RSA_SHA1,
    getKeyInfoContent: (args) => {
      const p = args?.prefix ? `${args.prefix}:` : '';
      return `<${p}KeyName>${key.cert_no}</${p}KeyName><${p}X509Data><${p}X509Certificate>${certificateBase64(key.certificate_pem)}</${p}X509Certificate></${p}X509Data>`;
    },
  });
  signed.addReference({ xpath: '/*', transforms: [ENVELOPED], digestAlgorithm: SHA1, uri: '', isEmptyUri: true });
  signed.computeSignature(xml, { prefix: 'ds', location: { reference: '/*', action: 'append' } });
  return signed.getSignedXml();
}

export type SignatureCheck = { ok: true; cert_no: string } | { ok: false; reason: 'unsigned' | 'bad_signature' | 'unknown_card' };

/**
 * Checks a message's signature against the card registered for its sender (never the certificate
 * the message carries: anyone can carry one). `unknown_card` when KeyName names another card.
 */
export function verifyMessage(xml: string, registered: { cert_no: string; certificate_pem: string }): SignatureCheck {
  const node = SIGNATURE.exec(xml)?.[0];
  if (!node) return { ok: false, reason: 'unsigned' };
  const key_name = /<ds:KeyName>([^<]*)<\/ds:KeyName>/.exec(node)?.[1];
  if (key_name !== registered.cert_no) return { ok: false, reason: 'unknown_card' };
  const check = new SignedXml({ publicCert: registered.certificate_pem, getCertFromKeyInfo: () => null });
  try {
    check.loadSignature(node);
    return check.checkSignature(xml) ? { ok: true, cert_no: key_name } : { ok: false, reason: 'bad_signature' };
  } catch {
    return { ok: false, reason: 'bad_signature' };
  }
}

/** The message without its signature (what was signed). */
export function unsigned(xml: string): string {
  return xml.replace(SIGNATURE, '');
}
