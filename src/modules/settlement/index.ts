/** The settlement module: commission rates, escrow releases, payout runs and payouts, the bank file and statements. */

export { type BankBulkFileInput, bankBulkCsv, formatBaht, type PayoutFileItem, type StatementInput, type StatementLine, statementHtml } from './files.js';
export { PAYOUT_STATUSES, type PayoutStatus } from './schema.js';
export {
  commissionRatesFor,
  commissionTable,
  countDone,
  finishRun,
  getRun,
  listRuns,
  lockPayout,
  markMatured,
  maturingReleases,
  movePayout,
  type NewRelease,
  openRun,
  type PayoutRow,
  type PayoutRunRow,
  type PlannedPayout,
  payoutsOfRun,
  payoutsOfSeller,
  type ReleaseRow,
  recordRelease,
  releaseOf,
  releasesOfSeller,
  runningRuns,
  setCommissionRate,
} from './service.js';
