/** The customs module: CBEC declarations (CEB311/411/511/621), the three-document check, receipts from customs. */

export { type CustomsAgent, PLATFORM_CUSTOMS, SANDBOX_AGENT, sandboxAgent } from './agent.js';
export { type CheckProblem, type CheckResult, checkDocuments } from './check.js';
export {
  buildInventoryXml,
  buildLogisticsXml,
  buildOrderXml,
  buildPaymentXml,
  CUSTOMS_COUNTRY,
  type DocKind,
  type InventoryDoc,
  type LogisticsDoc,
  MESSAGE_TYPE,
  type OrderDoc,
  type PaymentDoc,
  parseInventoryXml,
  parseLogisticsXml,
  parseOrderXml,
  parsePaymentXml,
} from './messages.js';
export { buildReceiptXml, describeStatus, parseReceiptXml, RETURN_STATUS, type Receipt, type ReceiptType } from './receipts.js';
export { DECLARATION_STATUSES, type DeclarationStatus, DOC_KINDS } from './schema.js';
export {
  createDeclaration,
  type DeclarationRow,
  type DocumentRow,
  declarationById,
  declarationOfMessage,
  documentsOf,
  documentXml,
  listDeclarations,
  lockDeclaration,
  lockDeclarationByOrderNo,
  markDocument,
  moveDeclaration,
  type NewDocument,
  type ReceiptRow,
  receiptsOf,
  rotatePii,
  setReceiptOutcome,
  storeReceipt,
  supersede,
} from './service.js';
export { type EportKey, eportKeyFromFiles, type SignatureCheck, sandboxEportKey, signMessage, unsigned, verifyMessage } from './signing.js';
export { acceptsReceipt, FINAL_DECLARATION, inventoryEffect, REDECLARABLE } from './states.js';
