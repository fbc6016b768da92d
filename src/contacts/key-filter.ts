// A Bloom filter of the match keys (keyed hashes) an import has seen: "certainly new" or "maybe
// known". Most rows of a big import are new people; for them the database is not asked who
// matches. About 10 bits a key and 7 probes: under 1% false "maybe", then the database answers.
// The keys are HMAC-SHA256 outputs, already uniform, so their own bytes serve as the hashes.

export class KeyFilter {
  private readonly bits: Uint32Array;
  private readonly size: number;

  constructor(expectedKeys: number) {
    this.size = Math.max(1024, Math.ceil(expectedKeys * 10));
    this.bits = new Uint32Array(Math.ceil(this.size / 32));
  }

  private positions(key: string): number[] {
    // Two 32-bit values from the key's characters (FNV-1a over two halves), combined as h1 + i·h2.
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (i % 2) h1 = Math.imul(h1 ^ c, 0x01000193);
      else h2 = Math.imul(h2 ^ c, 0x01000193);
    }
    const out: number[] = [];
    for (let i = 0; i < 7; i++) out.push(((h1 + Math.imul(i, h2 | 1)) >>> 0) % this.size);
    return out;
  }

  add(key: string) {
    for (const p of this.positions(key)) this.bits[p >>> 5]! |= 1 << (p & 31);
  }

  mightHave(key: string): boolean {
    return this.positions(key).every((p) => (this.bits[p >>> 5]! & (1 << (p & 31))) !== 0);
  }
}

/** Key filters chained a million keys at a time, for an import whose size is not known ahead. */
export class GrowingKeyFilter {
  private readonly filters: KeyFilter[] = [];
  private inLast = 0;
  constructor(private readonly perFilter = 1_000_000) {}

  add(key: string) {
    if (this.filters.length === 0 || this.inLast >= this.perFilter) {
      this.filters.push(new KeyFilter(this.perFilter));
      this.inLast = 0;
    }
    this.filters[this.filters.length - 1]!.add(key);
    this.inLast += 1;
  }

  mightHave(key: string): boolean {
    return this.filters.some((f) => f.mightHave(key));
  }
}
