/** The ledger module: double-entry accounts and transfers, pending (escrow) holds, sharded balances, the trial balance. */

export { ledgerRoutes } from './routes.js';
export { ACCOUNT_TYPES, type AccountType } from './schema.js';
export {
  accountOf,
  BALANCE_SHARDS,
  type Balance,
  BalanceBatch,
  balanceOf,
  balancesOfType,
  findAccount,
  postedEntries,
  settlePending,
  type TransferInput,
  type TrialBalance,
  transfer,
  trialBalance,
} from './service.js';
