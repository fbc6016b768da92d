import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address.ts';

describe('the client address used for throttling', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddressOf('203.0.113.9', '198.51.100.1', [])).toBe('203.0.113.9');
    expect(clientAddressOf('203.0.113.9', '198.51.100.1', ['127.0.0.1'])).toBe('203.0.113.9');
  });

  it('takes the rightmost untrusted hop behind trusted proxies', () => {
    expect(clientAddressOf('::ffff:127.0.0.1', '198.51.100.1', ['127.0.0.1'])).toBe('198.51.100.1');
    // A client can prepend anything; the hop our proxy appended is the one that counts.
    expect(clientAddressOf('127.0.0.1', '6.6.6.6, 198.51.100.1, 10.0.0.2', ['127.0.0.1', '10.0.0.2'])).toBe('198.51.100.1');
    expect(clientAddressOf('127.0.0.1', undefined, ['127.0.0.1'])).toBe('127.0.0.1');
  });
});
