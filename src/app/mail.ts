import nodemailer from 'nodemailer';
import type { Database } from '../db/client.js';
import { mailOutbox } from '../db/schema.js';
import { newId } from '../kernel/ids.js';
import type { Mail, Mailer } from '../kernel/mail.js';

/** Sandbox mode: mails land in a local outbox that the web app shows at /sandbox/mail. */
export function outboxMailer(database: Database): Mailer {
  return {
    async send(mail: Mail) {
      const at = new Date();
      await database.db.insert(mailOutbox).values({ id: newId('mail', at.getTime()), at, to_address: mail.to, subject: mail.subject, body_text: mail.text });
    },
  };
}

/** Production: SMTP through nodemailer. */
export function smtpMailer(smtp_url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtp_url);
  return {
    async send(mail: Mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
