import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldStreet, foldText, householdKey, nameAddressKey } from './contact-identity.ts';

// How names and streets are folded for matching: accents, case, punctuation and street words
// aside. The fast path for plain ASCII must fold exactly as the general one does.

const general = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').replace(/\s+/g, ' ').trim();

describe('folding text for matching', () => {
  it('folds accents, case, punctuation and spaces', () => {
    expect(foldText('  José  María Núñez-O\'Brien ')).toBe('jose maria nunezobrien');
    expect(foldText('NGUYỄN\tThị')).toBe('nguyenthi');
    expect(foldStreet('401 I Street SW, Apt. 3')).toBe('401 i st sw apt 3');
    expect(foldStreet('12 Constructor Avenue')).toBe('12 constructor ave');
  });

  it('folds plain ASCII exactly as the general rule does', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...' aZ9-.,\'#/&()Ss eE'.split('')), maxLength: 40 }), (s) => foldText(s) === general(s)));
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => foldText(s) === general(s)));
  });

  it('gives one key to the same name and address however it is typed', () => {
    const a = { firstName: 'José', lastName: 'Núñez', street: '401 I Street SW', zip: '20024' };
    const b = { firstName: 'jose', lastName: 'NUNEZ', street: '401 i st. sw', zip: '20024' };
    expect(nameAddressKey(a)).toBe(nameAddressKey(b));
    expect(householdKey(a)).toBe(householdKey({ street: '401 I St SW', zip: '20024' }));
    expect(householdKey({ street: '402 I St SW', zip: '20024' })).not.toBe(householdKey(a));
  });
});
