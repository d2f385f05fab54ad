/** The fixed list of departments issues go to (from the contracts): only its route. Publishes no events. */
export { departmentRoutes } from './department.routes';
