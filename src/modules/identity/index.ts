/** The identity module: users, sessions, API keys, organisations and memberships. */

export {
  type BuyerIdentityView,
  createBuyerIdentity,
  customsParticulars,
  eraseBuyerIdentity,
  exportBuyerIdentity,
  identityFacts,
  identityIndex,
  rotatePii,
} from './buyer-identities.js';
export { maskResidentId, normalizeResidentId, type ResidentIdProblem, residentIdCheckChar, residentIdProblem } from './resident-id.js';
export { identityRoutes, SESSION_COOKIE } from './routes.js';
export {
  API_KEY_PREFIX,
  actorOfUserId,
  addMember,
  countUsers,
  createOrganisation,
  createUser,
  getMe,
  hashPassword,
  type ResolvedCredential,
  renameOrganisation,
  resolveCredential,
  type UserView,
} from './service.js';
