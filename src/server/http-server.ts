// The HTTP server: Hono's node adapter, with one shortcut in front. A read the read cache
// already holds for this caller (a directory page, an alliance page asked for again) is written
// straight to the socket, skipping the Request/Response objects and the middleware chain that
// made it. Anything else, including every miss, goes through the whole app as usual.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, serve } from '@hono/node-server';
import { parse } from 'hono/utils/cookie';
import { SESSION_COOKIE } from '../accounts/accounts.routes.ts';
import { cachedActorForToken } from '../accounts/accounts.service.ts';
import { cachedRead, isCacheableRead, readKey, wantsFreshAnswer } from './read-cache.ts';

type Fetch = Parameters<typeof createAdaptorServer>[0]['fetch'];

/** Answers `req` from the read cache and returns true, or returns false and leaves it alone. */
export function answerFromReadCache(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const url = req.url ?? '';
  const queryAt = url.indexOf('?');
  if (!isCacheableRead(req.method ?? '', queryAt < 0 ? url : url.slice(0, queryAt))) return false;
  const cookie = req.headers.cookie;
  if (!cookie || wantsFreshAnswer(req.headers['cache-control'])) return false;
  const token = parse(cookie, SESSION_COOKIE)[SESSION_COOKIE];
  // Sessions not in the session cache (expired, signed out, or just not looked up lately) are
  // for the app to decide on.
  const actor = token ? cachedActorForToken(token) : undefined;
  const hit = actor ? cachedRead(readKey(actor.userId, url)) : undefined;
  if (!hit) return false;
  res.writeHead(200, hit.rawHeaders);
  res.end(hit.body);
  return true;
}

const createServer = ((options: http.ServerOptions, listener: http.RequestListener) => http.createServer(options, (req, res) => {
  if (!answerFromReadCache(req, res)) listener(req, res);
})) as typeof http.createServer;

/** A server for `fetch` (the app's), not yet listening. */
export function createHttpServer(fetch: Fetch): http.Server {
  return createAdaptorServer({ fetch, createServer }) as http.Server;
}

/** Starts serving `fetch` on host:port; `onListening` gets the address once it listens. */
export function serveHttp(fetch: Fetch, address: { port: number; hostname: string }, onListening?: (info: AddressInfo) => void): http.Server {
  return serve({ fetch, ...address, createServer }, onListening) as http.Server;
}
