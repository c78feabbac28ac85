/**
 * Customs duty rates used only when a single indivisible item over the CBEC per-order limit is taxed
 * in full (domain.md §1.2, rule 1: "the goods' normal rates"). The research did not confirm China's
 * MFN rate per tariff line (the vectors call 6 % "hypothetical"), so these are sample MFN rates per
 * HS chapter, kept as configuration and marked unconfirmed; replace them with the tariff schedule.
 * ACFTA preferential rates need a Form E and apply to general trade, not to CBEC (domain.md §5).
 */
const UNCONFIRMED = 'sample MFN rate per chapter; unconfirmed (replace with the tariff schedule)';

export const FULL_TAX_DUTY_BP_BY_CHAPTER: Readonly<Record<string, { duty_bp: number; source: string }>> = {
  '08': { duty_bp: 2000, source: UNCONFIRMED },
  '09': { duty_bp: 1500, source: UNCONFIRMED },
  '10': { duty_bp: 1000, source: UNCONFIRMED },
  '17': { duty_bp: 1200, source: UNCONFIRMED },
  '19': { duty_bp: 1500, source: UNCONFIRMED },
  '20': { duty_bp: 1500, source: UNCONFIRMED },
  '21': { duty_bp: 1500, source: UNCONFIRMED },
  '22': { duty_bp: 2000, source: UNCONFIRMED },
  '33': { duty_bp: 300, source: UNCONFIRMED },
  '34': { duty_bp: 600, source: UNCONFIRMED },
  '42': { duty_bp: 1000, source: UNCONFIRMED },
  '44': { duty_bp: 800, source: UNCONFIRMED },
  '46': { duty_bp: 800, source: UNCONFIRMED },
  '50': { duty_bp: 600, source: UNCONFIRMED },
  '62': { duty_bp: 600, source: UNCONFIRMED },
  '63': { duty_bp: 800, source: UNCONFIRMED },
  '66': { duty_bp: 800, source: UNCONFIRMED },
  '69': { duty_bp: 1000, source: UNCONFIRMED },
};

/** Chapters not listed: the highest rate above, so that an estimate errs toward collecting enough. */
export const FULL_TAX_DUTY_DEFAULT_BP = 2000;

export function fullTaxDutyBp(hs_code: string): number {
  return FULL_TAX_DUTY_BP_BY_CHAPTER[hs_code.slice(0, 2)]?.duty_bp ?? FULL_TAX_DUTY_DEFAULT_BP;
}
