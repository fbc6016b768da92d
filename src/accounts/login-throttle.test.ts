import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

describe('the sign-in throttle', () => {
  it('stops a guesser at five tries on one account from one address, and not the owner elsewhere', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 5; i++) throttle.fail('ana@example.org', '198.51.100.1');
    expect(throttle.retryAfter('ANA@example.org ', '198.51.100.1')).toBeGreaterThan(0);
    expect(throttle.retryAfter('ana@example.org', '203.0.113.7')).toBe(0);
  });

  it('does not let one address behind a shared proxy lock everyone out', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 50; i++) throttle.fail(`guess${i}@example.org`, '10.0.0.1');
    expect(throttle.retryAfter('someone.else@example.org', '10.0.0.1')).toBe(0);
    for (let i = 50; i < 100; i++) throttle.fail(`guess${i}@example.org`, '10.0.0.1');
    expect(throttle.retryAfter('someone.else@example.org', '10.0.0.1')).toBeGreaterThan(0);
  });

  it('stops guessing one account spread over many addresses', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 20; i++) throttle.fail('ana@example.org', `198.51.100.${i}`);
    expect(throttle.retryAfter('ana@example.org', '198.51.100.200')).toBeGreaterThan(0);
  });

  it('lets a success take back its own attempt, so signing in never counts against anyone', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 100; i++) { throttle.fail('ana@example.org', `10.0.0.${i % 4}`); throttle.succeed('ana@example.org', `10.0.0.${i % 4}`); }
    expect(throttle.retryAfter('ana@example.org', '10.0.0.1')).toBe(0);
  });

  it('forgets after the window and keeps its memory bounded', () => {
    let now = 0;
    const throttle = new LoginThrottle({ pair: 5, account: 20, address: 100 }, 60_000, 1_000, () => now);
    for (let i = 0; i < 400_000; i++) throttle.fail(`user${i}@example.org`, `addr-${i}`);
    expect(throttle.size).toBeLessThanOrEqual(1_000);
    for (let i = 0; i < 5; i++) throttle.fail('ana@example.org', 'x');
    expect(throttle.retryAfter('ana@example.org', 'x')).toBeGreaterThan(0);
    now += 60_001;
    expect(throttle.retryAfter('ana@example.org', 'x')).toBe(0);
  });
});
