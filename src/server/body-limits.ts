import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Problem } from './problem.ts';

// Request bodies are read only up to a limit, so nobody (signed in or not) can make the server
// hold a huge body in memory: CSV imports may send up to 64 MB (their schema allows 50 million
// characters; bigger files go through the command line), everything else 1 MB.
export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
export const BODY_LIMIT = 1024 * 1024;
const IMPORT_ROUTES = [/^\/api\/spaces\/[^/]+\/imports(\/preview)?$/, /^\/api\/spaces\/[^/]+\/contact-imports(\/columns)?$/, /^\/api\/spaces\/[^/]+\/donation-imports$/, /^\/api\/spaces\/[^/]+\/funding-grant-imports$/, /^\/api\/alliances\/[^/]+\/ties\/import$/,
  // A million blinded values of a private overlap (32 bytes each).
  /^\/api\/overlap-runs\/[^/]+\/sides\/[^/]+\/(re)?blinded$/,
  // A library file (the service refuses past 20 MB, naming the field).
  /^\/api\/library\/[^/]+\/file$/];

const tooLarge = (limit: number) => () => {
  throw new Problem(413, 'Request too large', `The request body is over ${Math.round(limit / 1024 / 1024)} MB.`);
};

export function bodyLimits(): MiddlewareHandler {
  const forImports = bodyLimit({ maxSize: IMPORT_BODY_LIMIT, onError: tooLarge(IMPORT_BODY_LIMIT) });
  const forOthers = bodyLimit({ maxSize: BODY_LIMIT, onError: tooLarge(BODY_LIMIT) });
  return (c, next) => (IMPORT_ROUTES.some((r) => r.test(c.req.path)) ? forImports : forOthers)(c, next);
}
