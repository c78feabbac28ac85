/** The compliance module: certifications and their review, market rules as data, per-market eligibility. */
export { HS_TAX_BY_CODE } from './reference/hs-tax.js';
export { POSITIVE_LIST_SUBSET } from './reference/positive-list.js';
export { bangkokDate, decide, formatFdaNumber, inForce, MARKETS, type Market, parseFdaNumber } from './rules.js';
export { CERTIFICATION_TYPES, type CertificationType } from './schema.js';
export {
  bestStars,
  type CertificationView,
  certificationDocumentKey,
  certificationIdsByNumber,
  certificationsOfSeller,
  createCertification,
  type EligibilityView,
  getCertification,
  listCertifications,
  normalizeCertificateNumber,
  otopStars,
  type ProductFacts,
  RULES_VERSION,
  refreshEligibility,
  reviewCertification,
  storedEligibility,
} from './service.js';
