// The address a request comes from, for throttling. X-Forwarded-For is believed only when the
// connection comes from a proxy we were told to trust (CROSSROADS_TRUSTED_PROXIES); otherwise
// anyone could name any address in it and dodge, or aim, the throttle.

const normalize = (address: string) => address.trim().replace(/^::ffff:/, '').replace(/^\[(.*)\]$/, '$1');

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the rightmost
 * address in X-Forwarded-For that is not itself a trusted proxy.
 */
export function clientAddressOf(remote: string | undefined, forwardedFor: string | undefined, trustedProxies: readonly string[]): string {
  const peer = remote ? normalize(remote) : 'unknown';
  const trusted = new Set(trustedProxies.map(normalize));
  if (!trusted.has(peer) || !forwardedFor) return peer;
  const hops = forwardedFor.split(',').map(normalize).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  return hops[0] ?? peer;
}
