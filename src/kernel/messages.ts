/**
 * Messages for every stable error code, in Thai, simplified Chinese and English.
 * `{{name}}` is filled from the error's params. Field-level codes and problem codes share this table.
 */
export const MESSAGES = {
  // problem codes
  validation_failed: { th: 'ข้อมูลไม่ถูกต้อง โปรดตรวจสอบช่องที่ระบุ', zh: '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  malformed_json: { th: 'รูปแบบ JSON ไม่ถูกต้อง', zh: 'JSON 格式错误', en: 'The request body is not valid JSON' },
  unsupported_media_type: { th: 'ไม่รองรับประเภทเนื้อหานี้', zh: '不支持的内容类型', en: 'Unsupported content type' },
  body_too_large: { th: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินไป', zh: '请求体过大', en: 'The request body is too large' },
  not_found: { th: 'ไม่พบข้อมูลที่ต้องการ', zh: '未找到', en: 'Not found' },
  route_not_found: { th: 'ไม่พบเส้นทางนี้', zh: '接口不存在', en: 'No such route' },
  authentication_required: { th: 'กรุณาเข้าสู่ระบบ', zh: '请先登录', en: 'Please sign in' },
  forbidden: { th: 'คุณไม่มีสิทธิ์ทำรายการนี้', zh: '您无权执行此操作', en: 'You are not allowed to do this' },
  csrf_token_invalid: {
    th: 'โทเค็นความปลอดภัย (CSRF) ไม่ถูกต้อง โปรดโหลดหน้าใหม่',
    zh: 'CSRF 令牌无效，请刷新页面',
    en: 'Missing or invalid CSRF token; reload the page',
  },
  invalid_credentials: { th: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', zh: '邮箱或密码错误', en: 'Wrong email or password' },
  too_many_attempts: { th: 'พยายามหลายครั้งเกินไป โปรดลองใหม่ภายหลัง', zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; try again later' },
  rate_limited: { th: 'มีคำขอมากเกินไป โปรดลองใหม่ภายหลัง', zh: '请求过多，请稍后再试', en: 'Too many requests; try again later' },
  email_taken: { th: 'อีเมลนี้ลงทะเบียนแล้ว', zh: '该邮箱已注册', en: 'This email is already registered' },
  reset_token_invalid: { th: 'ลิงก์ตั้งรหัสผ่านใหม่ไม่ถูกต้องหรือหมดอายุ', zh: '重置链接无效或已过期', en: 'The reset link is invalid or has expired' },
  idempotency_key_reused: {
    th: 'Idempotency-Key นี้ถูกใช้กับคำขออื่นแล้ว',
    zh: '该幂等键已用于不同的请求',
    en: 'This Idempotency-Key was used with a different request',
  },
  idempotency_key_in_progress: {
    th: 'คำขอที่ใช้ Idempotency-Key นี้กำลังดำเนินการ',
    zh: '使用该幂等键的请求仍在处理中',
    en: 'A request with this Idempotency-Key is still in progress',
  },
  bad_request: { th: 'คำขอไม่ถูกต้อง', zh: '请求无效', en: 'Bad request' },
  api_key_limit: {
    th: 'มีคีย์ API ครบจำนวนสูงสุดแล้ว โปรดยกเลิกคีย์ที่ไม่ใช้',
    zh: 'API 密钥已达上限，请先撤销不用的密钥',
    en: 'You have the maximum number of API keys; revoke one you no longer use',
  },
  pdpa_notice_outdated: {
    th: 'ประกาศความเป็นส่วนตัวมีฉบับใหม่ โปรดอ่านและยินยอมอีกครั้ง',
    zh: '隐私声明已更新，请重新阅读并同意',
    en: 'The privacy notice has changed; read it and consent again',
  },
  internal_error: { th: 'เกิดข้อผิดพลาดภายในระบบ', zh: '服务器内部错误', en: 'Internal error' },
  service_unavailable: { th: 'ระบบยังไม่พร้อมให้บริการ', zh: '服务暂不可用', en: 'Service not ready' },
  seller_not_found: { th: 'ไม่พบผู้ขาย', zh: '未找到卖家', en: 'Seller not found' },
  organisation_not_found: { th: 'ไม่พบองค์กร', zh: '未找到组织', en: 'Organisation not found' },
  user_not_found: { th: 'ไม่พบผู้ใช้', zh: '未找到用户', en: 'User not found' },
  member_exists: { th: 'ผู้ใช้นี้เป็นสมาชิกอยู่แล้ว', zh: '该用户已是成员', en: 'This user is already a member' },
  tax_id_taken: { th: 'เลขประจำตัวผู้เสียภาษีนี้ลงทะเบียนกับผู้ขายรายอื่นแล้ว', zh: '该税号已被其他卖家注册', en: 'This tax ID is already registered to another seller' },
  invalid_transition: {
    th: 'ไม่สามารถเปลี่ยนสถานะจาก "{{from}}" ด้วยการ "{{action}}" ได้',
    zh: '无法从状态“{{from}}”执行“{{action}}”',
    en: 'Cannot {{action}} a seller whose status is {{from}}',
  },
  seller_not_editable: { th: 'แก้ไขได้เฉพาะเมื่อเป็นฉบับร่างหรือถูกปฏิเสธ', zh: '仅草稿或被拒绝状态可编辑', en: 'A seller can be edited only while draft or rejected' },
  // field codes
  required: { th: 'จำเป็นต้องกรอก', zh: '必填', en: 'Required' },
  unknown_field: { th: 'ไม่รู้จักช่อง "{{field}}"', zh: '未知字段“{{field}}”', en: 'Unknown field "{{field}}"' },
  tax_id_format: { th: 'เลขประจำตัวผู้เสียภาษีต้องเป็นตัวเลข 13 หลัก', zh: '税号必须是13位数字', en: 'A tax ID has 13 digits' },
  tax_id_checksum: { th: 'เลขประจำตัวผู้เสียภาษีไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)', zh: '税号校验位错误', en: 'This tax ID is not valid (check digit does not match)' },
  tax_id_all_zero: { th: 'เลขประจำตัวผู้เสียภาษีไม่ถูกต้อง', zh: '税号无效', en: 'This tax ID is not valid' },
  province_unknown: { th: 'ไม่พบรหัสจังหวัดนี้', zh: '未知的府代码', en: 'Unknown province code' },
  promptpay_id_invalid: {
    th: 'พร้อมเพย์ต้องเป็นเบอร์มือถือ 10 หลัก เลขประจำตัว 13 หลัก หรือ e-Wallet 15 หลัก',
    zh: 'PromptPay 须为10位手机号、13位身份证/税号或15位电子钱包号',
    en: 'A PromptPay ID is a 10-digit mobile number, a 13-digit ID or a 15-digit e-wallet ID',
  },
  bank_unknown: { th: 'ไม่พบรหัสธนาคารนี้', zh: '未知的银行代码', en: 'Unknown bank code' },
  bank_account_invalid: {
    th: 'เลขบัญชีต้องเป็นตัวเลข {{digits}} หลัก',
    zh: '账号必须是{{digits}}位数字',
    en: 'The account number must have {{digits}} digits',
  },
  payout_one_of: {
    th: 'ระบุพร้อมเพย์ หรือ ธนาคารและเลขบัญชี อย่างใดอย่างหนึ่ง',
    zh: '请填写 PromptPay，或银行及账号，二选一',
    en: 'Give either a PromptPay ID or a bank code and account number',
  },
  pdpa_consent_required: {
    th: 'ต้องยินยอมตามประกาศความเป็นส่วนตัว (PDPA) ก่อน',
    zh: '须同意隐私声明（PDPA）',
    en: 'Consent to the privacy notice (PDPA) is required',
  },
  otop_registration_format: {
    th: 'เลขทะเบียน OTOP ใช้ได้เฉพาะตัวอักษร ตัวเลข ขีด และทับ',
    zh: 'OTOP 登记号只能包含字母、数字、连字符和斜杠',
    en: 'An OTOP registration uses letters, digits, dashes and slashes only',
  },
  reason_required: { th: 'ต้องระบุเหตุผล', zh: '必须填写原因', en: 'A reason is required' },
  password_too_short: { th: 'รหัสผ่านต้องมีอย่างน้อย {{min}} ตัวอักษร', zh: '密码至少{{min}}个字符', en: 'A password has at least {{min}} characters' },
  role_invalid: { th: 'บทบาทไม่ถูกต้อง', zh: '角色无效', en: 'Invalid role' },
  cursor_invalid: { th: 'ตัวชี้หน้าไม่ถูกต้อง', zh: '分页游标无效', en: 'Invalid cursor' },
} as const satisfies Record<string, { th: string; zh: string; en: string }>;

export type MessageCode = keyof typeof MESSAGES;
