import type { BlobStore } from '../kernel/blobs.js';
import type { Mailer } from '../kernel/mail.js';
import type { Database } from './client.js';

/** What a module's routes receive from the composition root. */
export interface RouteDeps {
  readonly database: Database;
  readonly mailer: Mailer;
  /** Uploaded files (pictures, certificate documents, import files). */
  readonly blobs: BlobStore;
  /** Where the web app is reachable, for links in mails. */
  readonly public_base_url: string;
  /** Tunable bounds (tests lower the floors and raise the rates). */
  /** Public search requests per address per minute. */
  readonly search_requests_per_minute: number;
  readonly auth: { readonly requests_per_minute: number; readonly login_failure_floor_ms: number; readonly secure_cookies: boolean };
}
