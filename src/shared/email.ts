import { z } from 'zod';

// An email address as people have them: the local part and the domain may hold letters of any
// script ("josé@", "maría@ejemplo.mx", RFC 6531 and IDN), not only ASCII. Loose where real
// addresses vary (dots, plus, apostrophes), strict where a typo is likely (one @, a dot in the
// domain, no spaces, no dot at either end of the local part).
export const INTERNATIONAL_EMAIL = /^(?!\.)(?!.*\.\.)[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

/** A zod email field that takes international addresses (the OpenAPI format stays "email"). */
export function emailAddress(message?: string) {
  return z.email({ pattern: INTERNATIONAL_EMAIL, ...(message ? { error: message } : {}) });
}
