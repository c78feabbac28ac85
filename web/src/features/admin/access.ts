import type { Me } from '../../api.js';

/** Admin screens (reference rates, the ledger) are offered to admins only; the API checks the role again. */
export function isAdmin(me: Me | null | undefined): boolean {
  return !!me && me.roles.includes('admin');
}
