import { timingSafeEqual } from 'node:crypto';

// The address through which one person replies to one thread by email: reply+<id>.<signature>@domain,
// where <id> names the recipient and thread (a stored row) and the signature proves the app made
// it. Hex and lowercase, so a mail server that folds case keeps it; under 64 characters before
// the @ as mail requires. Pure: the caller passes the signing function.

const SIGNATURE_HEX = 20; // 80 bits: guessing one is out of reach, and a wrong guess is refused and logged.

const signatureOf = (id: string, sign: (text: string) => string) => Buffer.from(sign(`reply:${id}`), 'base64url').toString('hex').slice(0, SIGNATURE_HEX);

export function replyAddress(id: string, domain: string, sign: (text: string) => string): string {
  const hex = id.replace(/-/g, '').toLowerCase();
  return `reply+${hex}.${signatureOf(hex, sign)}@${domain}`;
}

export function readReplyAddress(address: string, domain: string, sign: (text: string) => string): { id: string } | { refused: 'not a reply address' | 'bad signature' } {
  const match = /^reply\+([0-9a-f]{32})\.([0-9a-f]{20})@(.+)$/i.exec(address.trim());
  if (!match || match[3]!.toLowerCase() !== domain.toLowerCase()) return { refused: 'not a reply address' };
  const hex = match[1]!.toLowerCase();
  const expected = Buffer.from(signatureOf(hex, sign));
  const given = Buffer.from(match[2]!.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { refused: 'bad signature' };
  return { id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` };
}
