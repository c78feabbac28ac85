/** The inventory module: stock per variant and warehouse, changed only by recorded movements. */

export { MOVEMENT_KINDS } from './schema.js';
export {
  type CountLine,
  commitReservations,
  type MovementInput,
  move,
  type ReserveLine,
  releaseReservations,
  reserve,
  type StockLine,
  setOnHand,
  stockOf,
} from './service.js';
export { WAREHOUSE_CODES, WAREHOUSES } from './warehouses.js';
