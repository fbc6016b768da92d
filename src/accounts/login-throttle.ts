/**
 * Counts failed sign-ins in a sliding window, under three keys with their own limits, so that
 * password guessing slows to a crawl without letting one person lock others out:
 * - an account from one address: 5 (the guesser),
 * - an account from anywhere: 20 (a guesser spread over many addresses; while it holds, the
 *   account's owner waits too: the price of stopping a spread-out guesser, for 15 minutes),
 * - an address: 100 (many accounts guessed from one place; high, because a whole office or a
 *   proxy can share one address).
 * Memory is bounded: at most `maxKeys` keys, the least recently failed dropped first, and no
 * key keeps more timestamps than its limit.
 */
export interface ThrottleLimits { pair: number; account: number; address: number }

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits = { pair: 5, account: 20, address: 100 },
    private readonly windowMs = 15 * 60_000,
    private readonly maxKeys = 50_000,
    private readonly now = () => Date.now(),
  ) {}

  private keys(email: string, address: string): [string, number][] {
    const account = email.trim().toLowerCase();
    return [[`pair:${account}\u0000${address}`, this.limits.pair], [`account:${account}`, this.limits.account], [`address:${address}`, this.limits.address]];
  }

  /** Seconds to wait before another try, or 0 when a try is allowed. */
  retryAfter(email: string, address: string): number {
    const t = this.now();
    let wait = 0;
    for (const [key, limit] of this.keys(email, address)) {
      const recent = (this.failures.get(key) ?? []).filter((at) => t - at < this.windowMs);
      if (recent.length === 0) this.failures.delete(key);
      else this.failures.set(key, recent);
      if (recent.length >= limit) wait = Math.max(wait, Math.ceil((recent[recent.length - limit]! + this.windowMs - t) / 1000));
    }
    return wait;
  }

  fail(email: string, address: string): void {
    const t = this.now();
    for (const [key, limit] of this.keys(email, address)) {
      const times = [...(this.failures.get(key) ?? []), t].slice(-limit);
      // Re-inserting moves the key to the end: the map's first key is the least recently failed.
      this.failures.delete(key);
      this.failures.set(key, times);
    }
    while (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value!);
  }

  /**
   * A successful sign-in clears its account's failures from that address, and takes back the
   * attempt it was counted as under the account and the address (attempts are counted first).
   */
  succeed(email: string, address: string): void {
    const [pair, ...others] = this.keys(email, address);
    this.failures.delete(pair![0]);
    for (const [key] of others) this.failures.get(key)?.pop();
  }

  get size() {
    return this.failures.size;
  }
}
