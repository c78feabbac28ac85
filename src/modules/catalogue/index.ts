/** The catalogue module: products, variants, tri-lingual content with translation review, the category taxonomy. */
export { categorySchema, productInputSchema, productPatchSchema, productSchema } from './http.js';
export { CATEGORIES, CATEGORY_BY_CODE, type Category } from './reference/categories.js';
export { GLOSSARY } from './reference/glossary.js';
export { draftFromGlossary, parseHsCode, sanitizeDescription } from './rules.js';
export {
  allProductIds,
  type CreateProductInput,
  createProduct,
  getProduct,
  listSellerProducts,
  type ProductPatch,
  type ProductView,
  productIdsOfSeller,
  productIdsWithCertification,
  updateProduct,
  variantsByIds,
} from './service.js';
