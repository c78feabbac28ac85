import type { DeclarationStatus } from './schema.js';

/**
 * What an inventory receipt (CEB622 returnStatus, domain.md §2.8) does to a declaration and its order:
 * progress codes only update the record; manual review, inspection and detention hold the order;
 * release clears it; rejection and return send the money back.
 */
export function inventoryEffect(code: number): { to: DeclarationStatus; order: 'none' | 'hold' | 'clear' | 'refund' } {
  if (code < 0 || code === 4) return { to: 'error', order: 'none' };
  if (code === 100) return { to: 'rejected', order: 'refund' };
  if (code === 700) return { to: 'returned', order: 'refund' };
  if (code === 300) return { to: 'manual_review', order: 'hold' };
  if (code === 500) return { to: 'inspection', order: 'hold' };
  if (code >= 501 && code <= 599) return { to: 'detained', order: 'hold' };
  if (code === 800) return { to: 'released', order: 'clear' };
  if (code === 899) return { to: 'closed', order: 'clear' };
  return { to: 'submitted', order: 'none' };
}

/** Declarations that take no further receipts: customs is done with them. */
export const FINAL_DECLARATION: readonly DeclarationStatus[] = ['rejected', 'returned', 'closed', 'check_failed', 'superseded'];

/** Declarations that may be re-checked and declared again: nothing reached customs (the check refused it, or the e-Port failed). */
export const REDECLARABLE: readonly DeclarationStatus[] = ['check_failed', 'error'];

/** After release only the closing receipt (899) still applies. */
export function acceptsReceipt(status: DeclarationStatus, code: number): boolean {
  if (FINAL_DECLARATION.includes(status)) return false;
  if (status === 'released') return code === 899;
  return true;
}
