/** The seller lifecycle (api.md, Sellers): draft → submitted → verified | rejected, rejected → submitted. */
export const SELLER_STATUSES = ['draft', 'submitted', 'verified', 'rejected'] as const;
export type SellerStatus = (typeof SELLER_STATUSES)[number];

export const SELLER_ACTIONS = ['submit', 'verify', 'reject'] as const;
export type SellerAction = (typeof SELLER_ACTIONS)[number];

/** from → action → to. A status changes only through this table. */
export const SELLER_TRANSITIONS: Readonly<Record<SellerStatus, Partial<Record<SellerAction, SellerStatus>>>> = {
  draft: { submit: 'submitted' },
  submitted: { verify: 'verified', reject: 'rejected' },
  rejected: { submit: 'submitted' },
  verified: {},
};

export function nextStatus(from: SellerStatus, action: SellerAction): SellerStatus | undefined {
  return SELLER_TRANSITIONS[from][action];
}

/** Sellers may edit their application only before review or after a rejection. */
export function isEditable(status: SellerStatus): boolean {
  return status === 'draft' || status === 'rejected';
}

/** Standard rejection reasons, shown to the seller in their language; the officer's note comes with them. */
export const REJECTION_REASONS = {
  tax_id_mismatch: {
    th: 'เลขประจำตัวผู้เสียภาษีไม่ตรงกับชื่อผู้ประกอบการ',
    zh: '税号与经营者名称不符',
    en: 'The tax ID does not match the business name',
  },
  name_mismatch: { th: 'ชื่อนิติบุคคลไม่ตรงกับเอกสาร', zh: '法定名称与文件不符', en: 'The legal name does not match the documents' },
  payout_account_mismatch: {
    th: 'บัญชีรับเงินไม่ได้เป็นชื่อของผู้ขาย',
    zh: '收款账户不在卖家名下',
    en: 'The payout account is not in the seller’s name',
  },
  otop_not_found: { th: 'ไม่พบทะเบียน OTOP นี้', zh: '未找到该 OTOP 登记', en: 'The OTOP registration could not be found' },
  other: { th: 'เหตุผลอื่น (ดูหมายเหตุ)', zh: '其他原因（见备注）', en: 'Other reason (see the note)' },
} as const;
export type RejectionReasonCode = keyof typeof REJECTION_REASONS;
export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as [RejectionReasonCode, ...RejectionReasonCode[]];

/** Version of the privacy notice the onboarding form shows (PDPA Section 19: consent records name the text). */
export const PDPA_NOTICE_VERSION = '2026-11-seller-onboarding-v1';
