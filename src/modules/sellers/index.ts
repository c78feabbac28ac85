/** The sellers module: onboarding applications, verification and payout destinations. */
export { sellerInputSchema, sellerPatchSchema, sellerSchema } from './http.js';
export { PROVINCE_BY_CODE, PROVINCES } from './reference/provinces.js';
export { sellerRoutes } from './routes.js';
export { isValidThaiId, parsePromptPayId, parseTaxId, thaiIdCheckDigit } from './rules.js';
export {
  createSeller,
  getSeller,
  listSellers,
  type SellerInput,
  type SellerPatch,
  type SellerView,
  sellerFacts,
  transitionSeller,
  updateSeller,
  validateSellerFields,
} from './service.js';
export { SELLER_STATUSES, type SellerStatus } from './states.js';
