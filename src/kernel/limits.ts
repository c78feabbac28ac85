/** Every bound in one place (style.md rule 9). Units are last in the name. */
export const LIMITS = {
  body_bytes: 1_048_576,
  string_short_chars: 200,
  string_long_chars: 5_000,
  email_chars: 254,
  password_min_chars: 10,
  password_max_chars: 128,
  page_size_default: 50,
  page_size_max: 200,
  session_ttl_ms: 30 * 24 * 3_600_000,
  password_reset_ttl_ms: 3_600_000,
  idempotency_ttl_ms: 48 * 3_600_000,
  idempotency_in_progress_timeout_ms: 60_000,
  idempotency_key_chars: 200,
  login_window_ms: 15 * 60_000,
  login_failures_per_account: 5,
  login_failures_per_address: 30,
  /** Every failed login answers no sooner than this, whatever failed. */
  login_failure_floor_ms: 400,
  auth_requests_per_minute: 60,
  search_requests_per_minute: 1_200,
  api_keys_per_user: 20,
  shutdown_timeout_ms: 8_000,
  reject_reason_chars: 1_000,
  /** An import file's size; a larger upload is refused before it is read. */
  import_file_bytes: 20 * 1_048_576,
  /** A reference FX rate older than this (days) is not used for prices. */
  fx_rate_max_age_days: 4,
  /** One product picture or certificate document. */
  image_bytes: 5 * 1_048_576,
  images_per_product: 10,
  /** Data rows in one import file. */
  import_rows_max: 20_000,
  /** Products written per transaction by an import job (and per progress report). */
  import_batch_products: 100,
  /** How long a quote's prices and rate hold. */
  quote_ttl_minutes: 15,
  /** Unpaid after this, an order is cancelled and its stock released (the payment expires with it). */
  reservation_minutes: 30,
  /** Cargo insurance on cross-border parcels, basis points of the goods value (sample insurer terms; configuration). */
  cargo_insurance_bp: 30,
  /** Items (distinct variants) in one cart or quote, and units of one item. */
  cart_items_max: 50,
  item_quantity_max: 999,
  /** Expired reservations cancelled per sweep. */
  expiry_batch: 200,
  expiry_sweep_ms: 30_000,
  /** Lines on one inbound shipment notice. */
  inbound_lines_max: 100,
  /** Units on one inbound line. */
  inbound_quantity_max: 100_000,
  /** Packaging allowed on top of the goods' weight when a parcel is weighed (grams). */
  pack_packaging_g: 150,
  /** A packed parcel may weigh this much (basis points) more or less than expected, plus the packaging allowance. */
  pack_weight_tolerance_bp: 1_500,
  /** Paid orders taken into one pick wave. */
  wave_orders_max: 200,
  /** Days after delivery before an order without a dispute confirms itself (escrow is released). */
  auto_confirm_days: 7,
  /** Days a released amount stays pending before the seller can be paid it. */
  payout_hold_days: 3,
  /** The smallest balance a payout run pays (satang). */
  payout_minimum_minor: 10_000,
  /** A payout account changed within this many hours is held for review (account takeover). */
  payout_account_review_hours: 24,
  /** The platform's commission when no category rate is set (basis points of the goods). */
  commission_default_bp: 800,
  /** How often background sweeps (auto-confirm, maturing releases) run. */
  settlement_sweep_ms: 60_000,
} as const;

export type Limits = { -readonly [K in keyof typeof LIMITS]: number };
