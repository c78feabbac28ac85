import { monotonicFactory } from 'ulidx';

/** Type prefixes of public ids (api.md, Conventions). */
export const ID_PREFIXES = [
  'usr',
  'org',
  'slr',
  'ses',
  'key',
  'prt',
  'aud',
  'mail',
  'prd',
  'var',
  'qte',
  'crt',
  'ord',
  'pay',
  'txf',
  'dcl',
  'job',
  'mov',
  'img',
  'bid',
  'acc',
  'rsv',
  'rfd',
  'chk',
  'evt',
  'ntf',
  'ibd',
  'wav',
  'pcl',
  'csg',
  'trk',
  'rct',
  'dsp',
  'pyr',
  'pot',
] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

const ulid = monotonicFactory();

/** A prefixed, time-sortable id such as `slr_01j9…`: ULIDs sort by creation time, lower-cased for URLs. */
export function newId(prefix: IdPrefix, now_ms: number = Date.now()): string {
  return `${prefix}_${ulid(now_ms).toLowerCase()}`;
}

const ULID_BODY = /^[0-9a-hjkmnp-tv-z]{26}$/;

export function isId(prefix: IdPrefix, value: string): boolean {
  const [head, body] = value.split('_', 2);
  return head === prefix && body !== undefined && ULID_BODY.test(body) && value === `${head}_${body}`;
}
