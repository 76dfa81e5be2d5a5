export { authShell, createAuthRoutes, UserArea } from './auth-routes';
export { CHOOSE_APP_PATH, FORGOT_PASSWORD_PATH, LOGIN_PATH, RESET_PASSWORD_PATH, safeReturnTo, parseLoginSearch, type LoginSearch } from './auth-paths';
