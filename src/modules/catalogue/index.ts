/** The catalogue module: products, variants, tri-lingual content with translation review, the category taxonomy. */
export { categorySchema, productInputSchema, productPatchSchema, productSchema } from './http.js';
export {
  IMPORT_COLUMNS,
  type ImportProduct,
  importTemplate,
  productsFromRows,
  type RowError,
  readSpreadsheet,
  type Sheet,
} from './import.js';
export { CATEGORIES, CATEGORY_BY_CODE, type Category } from './reference/categories.js';
export { GLOSSARY } from './reference/glossary.js';
export { draftFromGlossary, parseHsCode, plainText, sanitizeDescription, sniffImage } from './rules.js';
export {
  addImage,
  allProductIds,
  type CreateProductInput,
  createProduct,
  getProduct,
  getProducts,
  type ImageView,
  imageBlob,
  imagesOf,
  listSellerProducts,
  type ProductPatch,
  type ProductView,
  productIdsOfSeller,
  productIdsWithCertification,
  removeImage,
  updateProduct,
  variantsByIds,
  variantsBySkus,
} from './service.js';
