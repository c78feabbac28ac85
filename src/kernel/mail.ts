export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends mail: SMTP in production, a local outbox in sandbox mode (the adapters live in the app). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}
