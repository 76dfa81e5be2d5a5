export { createUserRoutes } from './user-routes';
export { parseUserListSearch, type UserListSearch } from './user-list-search';
