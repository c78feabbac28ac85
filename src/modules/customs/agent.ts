import { sandboxEportKey, verifyMessage } from './signing.js';

/**
 * The customs broker (agentCode on CEB621) behind one interface: Saphan hands it the inventory and
 * the order message; it files them with China's single window and forwards customs' receipts to
 * POST /customs/receipts, signed. The built-in sandbox agent files nothing and answers through the
 * sandbox endpoints with the receipts of a chosen scenario.
 */
export interface CustomsAgent {
  readonly code: string;
  readonly name: string;
  /** Refused (`accepted` false, with the reason) when the single window would not take the messages, e.g. a bad signature. */
  submit(input: { declaration_id: string; order_no: string; messages: { kind: string; xml: string }[] }): Promise<{ accepted: boolean; reason?: string }>;
}

/**
 * The sandbox agent checks what the single window checks first: every message is signed by the
 * platform's registered e-Port card. It files nothing else; receipts come through the sandbox endpoints.
 */
export function sandboxAgent(card: { cert_no: string; certificate_pem: string }): CustomsAgent {
  return {
    code: '4401SBXAGT',
    name: '沙潘沙盒报关行',
    async submit(input) {
      for (const m of input.messages) {
        const checked = verifyMessage(m.xml, card);
        if (!checked.ok) return { accepted: false, reason: `${m.kind}: ${checked.reason}` };
      }
      return { accepted: true };
    },
  };
}

/** The sandbox agent with the sandbox card. */
export const SANDBOX_AGENT: CustomsAgent = sandboxAgent(sandboxEportKey());

/** Who Saphan is in customs messages (platform ebpCode/ebcCode, DXP id): configuration of the platform's registration. */
export const PLATFORM_CUSTOMS = {
  ebp: { code: '4401SAPHAN', name: '沙潘跨境电商平台' },
  ebc: { code: '4401SAPHAN', name: '沙潘跨境电商平台' },
  dxp_id: 'DXPENT0000SAPHAN',
  /** The sandbox wallet partner (payCode): a licensed Chinese payment company in production. */
  pay: { code: '4403SBXPAY', name: '沙潘沙盒钱包支付' },
  /** Bonded or direct-mail port of entry (JGS/T 18 customs district codes): Nanning for the land lanes. */
  customs_code: '7201',
  port_code: '7201',
  assure_code: '4401SAPHAN',
  area: { code: '4401SAPHAN', name: '沙潘跨境电商平台' },
} as const;
