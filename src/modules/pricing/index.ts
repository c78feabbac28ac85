/** The pricing module: reference FX rates (THB per unit of CNY and USD) and exact conversion. */

export { ANNUAL_LIMIT_FEN, type CbecRegime, cbecRegime, fullTax, PER_ORDER_LIMIT_FEN, type TaxBreakdown, withinLimitTax } from './cbec.js';
export { type FxCsvRow, parseFxCsv } from './fx-csv.js';
export { type LandedCost, type LandedLineInput, landedCost } from './landed-cost.js';
export {
  type ConsumptionRule,
  consumptionBp,
  MARKET_CURRENCY,
  type Market,
  type PlanItem,
  type PlanLine,
  type PlanOrder,
  planQuote,
  type QuotePlan,
  type QuoteProblem,
} from './quote-plan.js';
export { createQuote, getQuote, type QuoteRow } from './quotes.js';
export { fullTaxDutyBp } from './reference/duty.js';
export { type Constraint, LANES, type Lane, RATE_CARDS, type RateCard } from './reference/rate-cards.js';
export { pricingRoutes } from './routes.js';
export { divideHalfUp, fromThb, parseRate, type Rate, toThb } from './rules.js';
export { FX_CURRENCIES, type FxCurrency, type FxRateView, latestRate, quoteRate, setRate } from './service.js';
export { chargeableWeightG, type LaneOption, laneOptions, priceSatang } from './shipping.js';
