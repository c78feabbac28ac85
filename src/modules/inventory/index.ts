/** The inventory module: stock per variant and warehouse, changed only by recorded movements. */

export { MOVEMENT_KINDS } from './schema.js';
export {
  awaitingHub,
  type CountLine,
  commitReservations,
  crossDock,
  type MovementInput,
  move,
  ordersCommittedAt,
  type ReserveLine,
  releaseReservations,
  reservationsOf,
  reserve,
  type StockLine,
  setOnHand,
  shipReservations,
  stockOf,
} from './service.js';
export { FULFILMENT_WAREHOUSE_CODES, WAREHOUSE_BY_CODE, WAREHOUSE_CODES, WAREHOUSES, type WarehouseCode } from './warehouses.js';
