// Where a certificate's QR code leads: the site's check page when the site has a public address
// (PUBLIC_URL), otherwise the bot itself, through a t.me link whose start parameter opens /verify (verify.ts).
import { formatNumber, parseNumber } from "../../../domain/documents/number.js";

/** The start parameter of the bot's deep link that checks a number: /start verify-7K3M-9QX2-HF4C */
export const VERIFY_START_PREFIX = "verify-";

export function verificationUrl(number: string, where: { publicUrl?: string | undefined; botUsername: string }): string {
  const formatted = formatNumber(parseNumber(number) ?? number.replace(/-/g, ""));
  return where.publicUrl
    ? `${where.publicUrl}/verify/${encodeURIComponent(formatted)}`
    : `https://t.me/${where.botUsername}?start=${VERIFY_START_PREFIX}${formatted}`;
}
