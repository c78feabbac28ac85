import type { Db } from '../../db/client.js';
import { reencryptColumns } from '../../db/pii.js';
import type { PiiCipher } from '../../kernel/crypto.js';
import { sellers } from './schema.js';

/** Rewrites sellers' tax IDs and payout accounts under the current PII key (`saphan pii rotate`). */
export async function rotatePii(db: Db, pii: PiiCipher): Promise<number> {
  return reencryptColumns(db, pii, sellers, sellers.id, [sellers.tax_id_encrypted, sellers.payout_encrypted]);
}
