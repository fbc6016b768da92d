import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readReplyAddress, replyAddress } from './reply-address.ts';

const sign = (text: string) => createHmac('sha256', 'k').update(text).digest('base64url');
const other = (text: string) => createHmac('sha256', 'other').update(text).digest('base64url');
const id = '3a0f0b58-f310-4fe4-bd0c-5454d4a75ff2';

describe('reply addresses', () => {
  it('round-trips, fits a mail local part, and survives case folding', () => {
    const address = replyAddress(id, 'reply.example.org', sign);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(readReplyAddress(address, 'reply.example.org', sign)).toEqual({ id });
    expect(readReplyAddress(address.toUpperCase(), 'reply.example.org', sign)).toEqual({ id });
  });
  it('refuses another key\'s signature, a changed id and other addresses', () => {
    const address = replyAddress(id, 'reply.example.org', sign);
    expect(readReplyAddress(address, 'reply.example.org', other)).toEqual({ refused: 'bad signature' });
    expect(readReplyAddress(address.replace('reply+3', 'reply+4'), 'reply.example.org', sign)).toEqual({ refused: 'bad signature' });
    expect(readReplyAddress('someone@reply.example.org', 'reply.example.org', sign)).toEqual({ refused: 'not a reply address' });
    // The same address at another domain is not ours.
    expect(readReplyAddress(address.replace('@reply.example.org', '@elsewhere.example'), 'reply.example.org', sign)).toEqual({ refused: 'not a reply address' });
  });
});
