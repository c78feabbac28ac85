/** The identity module: users, sessions, API keys, organisations and memberships. */
export { identityRoutes, SESSION_COOKIE } from './routes.js';
export {
  API_KEY_PREFIX,
  addMember,
  countUsers,
  createOrganisation,
  createUser,
  findUserByEmail,
  getMe,
  hashPassword,
  type ResolvedCredential,
  renameOrganisation,
  resolveCredential,
  type UserView,
  usersByIds,
} from './service.js';
