export { authShell, createAuthRoutes, UserArea } from './auth-routes';
export { FORGOT_PASSWORD_PATH, LOGIN_PATH, RESET_PASSWORD_PATH, safeReturnTo, parseLoginSearch, type LoginSearch } from './auth-paths';
