/** The sellers module: onboarding applications, verification and payout destinations. */
export { rejectSchema, sellerInputSchema, sellerPatchSchema, sellerSchema } from './http.js';
export { rotatePii } from './pii.js';
export { PROVINCE_BY_CODE, PROVINCES } from './reference/provinces.js';
export { sellerRoutes } from './routes.js';
export { isValidThaiId, parsePromptPayId, parseTaxId, thaiIdCheckDigit } from './rules.js';
export {
  createSeller,
  getSeller,
  listSellers,
  payoutDestination,
  type SellerInput,
  type SellerPatch,
  type SellerView,
  sellerFacts,
  type TransitionInput,
  transitionSeller,
  updateSeller,
  validateSellerFields,
} from './service.js';
export { SELLER_STATUSES, type SellerStatus } from './states.js';
