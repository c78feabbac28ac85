/** The identity module: users, sessions, API keys, organisations and memberships. */
export { identityRoutes, SESSION_COOKIE } from './routes.js';
export {
  addMember,
  API_KEY_PREFIX,
  countUsers,
  createOrganisation,
  createUser,
  findUserByEmail,
  getMe,
  hashPassword,
  renameOrganisation,
  resolveCredential,
  type ResolvedCredential,
  type UserView,
  usersByIds,
} from './service.js';
