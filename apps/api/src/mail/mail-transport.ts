import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';

export const MAIL_TRANSPORTER = Symbol('MAIL_TRANSPORTER');

/**
 * nodemailer as configured: SMTP with STARTTLS required (or TLS from the
 * start, or none for a relay on the same machine); in preview, each message
 * is composed and kept as JSON, never sent. Off: none.
 */
export function transporterFor(mail: AppConfig['mail']): Transporter | undefined {
  if (mail.transport === 'preview') return createTransport({ jsonTransport: true });
  if (mail.transport !== 'smtp' || !mail.smtp) return undefined;
  const { host, port, tls, user, password } = mail.smtp;
  return createTransport({
    host,
    port,
    secure: tls === 'tls',
    requireTLS: tls === 'starttls',
    ignoreTLS: tls === 'none',
    ...(user ? { auth: { user, pass: password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
}
