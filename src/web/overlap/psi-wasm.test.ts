import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { blind, hashToCurve, newSecret } from '../../overlap/psi.ts';
import { blindWasm, hashAndBlindWasm } from './psi-wasm.ts';

// A browser (libsodium in WebAssembly) and the command line (native libsodium) must give the
// same bytes, or a run between an organization using one and another using the other counts wrong.
describe('the browser\'s blinding', () => {
  beforeAll(async () => { await sodium.ready; });

  it('gives the same bytes as the native one, both steps', () => {
    const values = ['ana@example.org', 'josé@ejemplo.org', 'rosa.both@example.org', '+15105550142'];
    const secret = newSecret();
    const native = blind(hashToCurve('email', values), secret);
    expect(Buffer.from(hashAndBlindWasm(sodium, 'email', values, secret)).equals(Buffer.from(native))).toBe(true);
    const other = newSecret();
    expect(Buffer.from(blindWasm(sodium, native, other)).equals(Buffer.from(blind(native, other)))).toBe(true);
  });
});
