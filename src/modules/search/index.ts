/**
 * The search module: a projection of eligible, in-stock products with multilingual analysis. Behind
 * this interface an OpenSearch adapter can take over (index, remove, search) without callers changing.
 */
export { normalize, queryTerms, tokens } from './analyze.js';
export { type CurrencyFor, searchRoutes, type ViewerCurrency } from './routes.js';
export {
  indexDocument,
  indexDocuments,
  removeDocument,
  type SearchDocumentInput,
  type SearchHit,
  type SearchInput,
  type SearchResult,
  search,
  setInStock,
} from './service.js';
