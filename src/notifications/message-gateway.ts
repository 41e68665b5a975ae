import { createHmac } from 'node:crypto';
import { PermanentDeliveryError } from './delivery-errors';

/**
 * The SMS/WhatsApp gateway adapter: one JSON POST per message to MESSAGE_GATEWAY_URL, signed so the
 * office's gateway (any provider behind a small relay) can tell it came from us (README,
 * "SMS/WhatsApp gateway"):
 *
 *   POST <MESSAGE_GATEWAY_URL>
 *   Content-Type: application/json
 *   Idempotency-Key: <notification id>          the same on every retry of one message
 *   X-Pengaduan-Timestamp: <unix seconds>
 *   X-Pengaduan-Signature: sha256=<hex HMAC-SHA256(MESSAGE_GATEWAY_SECRET, "<timestamp>.<raw body>")>
 *   {"id": "...", "channel": "SMS" | "WHATSAPP", "to": "+6281234567890", "text": "...", "kind": "REGISTERED"}
 *
 * Any 2xx is delivered; 408, 429 and 5xx (and network errors) are retried with backoff; any other
 * 4xx is a permanent failure.
 */
export const SIGNATURE_HEADER = 'X-Pengaduan-Signature';
export const TIMESTAMP_HEADER = 'X-Pengaduan-Timestamp';

export interface GatewayMessage {
  id: string;
  channel: 'SMS' | 'WHATSAPP';
  /** E.164 (+62...). */
  to: string;
  text: string;
  kind: string;
}

export function signGatewayBody(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** An Indonesian phone number as E.164: 0812..., 62812... and +62 812-... all become +62812... */
export function toE164(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.startsWith('62')) return `+${digits}`;
  if (digits.startsWith('0')) return `+62${digits.slice(1)}`;
  return `+${digits}`;
}

export class MessageGateway {
  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly timeoutMs = 15_000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: GatewayMessage): Promise<void> {
    const body = JSON.stringify(message);
    const timestamp = String(Math.floor(this.now().getTime() / 1000));
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': message.id,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signGatewayBody(this.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (res.ok) return;
    const detail = (await res.text().catch(() => '')).slice(0, 200);
    const reason = `Gateway pesan menjawab ${res.status}${detail ? `: ${detail}` : ''}`;
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
      throw new PermanentDeliveryError(reason);
    throw new Error(reason);
  }
}
