import { timingSafeEqual } from 'node:crypto';

// A link that opens one recorded row without an account (a consent link, a survey invitation):
// the row's id and an expiry, signed with the app's key. Pure: the caller passes the signature.

/** A link token naming one recorded link, valid until `expires` (seconds since 1970): payload and its signature. */
export function linkToken(linkId: string, expires: number, sign: (text: string) => string): string {
  const payload = `${linkId}.${expires}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(payload)}`;
}

/** The link a token names, or why it opens nothing. */
export function readLinkToken(token: string, now: number, sign: (text: string) => string): { linkId: string } | { refused: 'malformed' | 'forged' | 'expired' } {
  const [encoded, signature] = token.split('.');
  if (!encoded || !signature) return { refused: 'malformed' };
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const [linkId, expires] = payload.split('.');
  if (!linkId || !/^[0-9a-f-]{36}$/.test(linkId) || !expires || !/^\d+$/.test(expires)) return { refused: 'malformed' };
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { refused: 'forged' };
  if (Number(expires) < now) return { refused: 'expired' };
  return { linkId };
}
