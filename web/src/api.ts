import { currentLanguage } from './i18n/index.js';

/** Types of the Saphan API as the web app uses them (see /openapi.json for the full contract). */
export type Locale = 'th' | 'zh' | 'en';
export type Names = { th: string; zh: string; en: string };

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details with Saphan's `code` and field errors, already in the Accept-Language language. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  request_id?: string;
  errors: FieldError[];
}

export interface Membership {
  org_id: string;
  org_name: string;
  role: 'seller_owner' | 'seller_staff';
}

export interface User {
  id: string;
  email: string;
  display_name: string;
  locale: Locale;
  roles: string[];
  memberships: Membership[];
  created_at: string;
}

export interface Me extends User {
  csrf_token: string | null;
}

export interface LoginResult {
  token: string;
  csrf_token: string;
  expires_at: string;
  user: User;
}

export type SellerStatus = 'draft' | 'submitted' | 'verified' | 'rejected';
export const SELLER_STATUSES: readonly SellerStatus[] = ['draft', 'submitted', 'verified', 'rejected'];

export type Payout =
  | { kind: 'promptpay'; promptpay_id: string; promptpay_kind: 'mobile' | 'national_id' | 'ewallet'; masked: string }
  | { kind: 'bank_account'; bank_code: string; bank_name: Names; account_number: string; masked: string };

export interface Seller {
  id: string;
  org_id: string;
  status: SellerStatus;
  legal_name_th: string;
  legal_name_en: string | null;
  tax_id: string;
  tax_id_masked: string;
  tax_id_kind: 'juristic' | 'citizen';
  province_code: string;
  province: { code: string; name: Names };
  otop_registration: string | null;
  payout: Payout;
  pdpa_consent: { notice_version: string; consented_at: string; channel: 'web' | 'api' | 'cli' };
  rejection: { reason_code: string; reason: string; note: string } | null;
  created_at: string;
  updated_at: string;
}

export interface SellerInput {
  legal_name_th: string;
  legal_name_en?: string | null;
  tax_id: string;
  province_code: string;
  otop_registration?: string | null;
  payout: { promptpay_id: string } | { bank_code: string; account_number: string };
  pdpa_consent: boolean;
}

export type SellerPatch = Partial<Omit<SellerInput, 'pdpa_consent'>>;

export interface HistoryItem {
  at: string;
  from_status: SellerStatus | null;
  to_status: SellerStatus;
  action: string;
  actor_id: string | null;
  detail: unknown;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface OnboardingReference {
  provinces: { code: string; region: string; name: Names }[];
  banks: { code: string; name: Names; account_digits: number[] }[];
  rejection_reasons: { code: string; name: Names }[];
  pdpa_notice_version: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: FieldError[];
}

export interface Mail {
  id: string;
  at: string;
  to: string;
  subject: string;
  text: string;
}

/** A failed call: the problem the server sent, or one made up for network failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
  get code(): string {
    return this.problem.code;
  }
  /** Field errors keyed by path (the first message per path). */
  fieldErrors(): Record<string, string> {
    return errorsByPath(this.problem.errors);
  }
}

export function errorsByPath(errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) if (!(e.path in out)) out[e.path] = e.message;
  return out;
}

const BASE = '/api/v1';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session's CSRF token, from sign-in or GET /me; cookie-authenticated writes echo it. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function parseProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      return {
        ...body,
        title: body.title ?? res.statusText,
        status: body.status ?? res.status,
        code: body.code ?? `http_${res.status}`,
        errors: Array.isArray(body.errors) ? body.errors : [],
      };
    } catch {
      // fall through
    }
  }
  return { title: res.statusText || `HTTP ${res.status}`, status: res.status, code: `http_${res.status}`, errors: [] };
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': currentLanguage() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  return fetch(url(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await send(method, path, options);
    if (res.status === 403 && WRITES.has(method)) {
      // A stale CSRF token (another tab signed in again): fetch the session's token once and retry.
      const problem = await parseProblem(res.clone());
      if (problem.code === 'csrf_token_invalid' && (await refreshCsrf())) res = await send(method, path, options);
    }
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ title: 'network_error', status: 0, code: 'network_error', errors: [] });
  }
  if (!res.ok) throw new ApiError(await parseProblem(res));
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

async function refreshCsrf(): Promise<boolean> {
  const res = await send('GET', '/me', {});
  if (!res.ok) return false;
  const me = (await res.json()) as Me;
  setCsrfToken(me.csrf_token);
  return me.csrf_token !== null;
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** One function per endpoint the web app calls. */
export const api = {
  register: (body: { email: string; password: string; display_name: string; locale: Locale }) => request<User>('POST', '/auth/register', { body }),
  login: async (body: { email: string; password: string }) => {
    const result = await request<LoginResult>('POST', '/auth/login', { body });
    setCsrfToken(result.csrf_token);
    return result;
  },
  logout: async () => {
    await request<void>('POST', '/auth/logout');
    setCsrfToken(null);
  },
  me: async () => {
    const me = await request<Me>('GET', '/me');
    setCsrfToken(me.csrf_token);
    return me;
  },
  updateMe: (body: { locale?: Locale; display_name?: string }) => request<User>('PATCH', '/me', { body }),
  requestPasswordReset: (body: { email: string }) => request<{ status: 'sent_if_registered' }>('POST', '/auth/password-reset', { body }),
  confirmPasswordReset: (body: { token: string; password: string }) =>
    request<{ status: 'password_changed' }>('POST', '/auth/password-reset/confirm', { body }),

  onboardingReference: () => request<OnboardingReference>('GET', '/reference/onboarding'),
  validateSeller: (body: Record<string, unknown>, signal?: AbortSignal) =>
    request<ValidationResult>('POST', '/sellers/validate', { body, ...(signal ? { signal } : {}) }),
  createSeller: (body: SellerInput, idempotencyKey: string) => request<Seller>('POST', '/sellers', { body, idempotencyKey }),
  listSellers: (query: { status?: SellerStatus; cursor?: string | null } = {}) => request<Page<Seller>>('GET', '/sellers', { query }),
  getSeller: (id: string) => request<Seller>('GET', `/sellers/${encodeURIComponent(id)}`),
  sellerHistory: (id: string) => request<Page<HistoryItem>>('GET', `/sellers/${encodeURIComponent(id)}/history`),
  updateSeller: (id: string, body: SellerPatch) => request<Seller>('PATCH', `/sellers/${encodeURIComponent(id)}`, { body }),
  submitSeller: (id: string) => request<Seller>('POST', `/sellers/${encodeURIComponent(id)}/submit`, { body: {}, idempotencyKey: newIdempotencyKey() }),
  verifySeller: (id: string) => request<Seller>('POST', `/sellers/${encodeURIComponent(id)}/verify`, { body: {}, idempotencyKey: newIdempotencyKey() }),
  rejectSeller: (id: string, body: { reason_code: string; reason: string }) =>
    request<Seller>('POST', `/sellers/${encodeURIComponent(id)}/reject`, { body, idempotencyKey: newIdempotencyKey() }),

  sandboxMail: () => request<Page<Mail>>('GET', '/sandbox/mail'),
};
