import { describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '@/lib/messaging';

// Issue 25, reliability: a message named like a property every object has reached past the unknown-type check and
// failed with a TypeError. Every such name is refused as unknown, in words, and no handler runs.

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const fromPage = { id: 'ext-id', url: 'https://www.youtube.com/', tab: { id: 3, url: 'https://www.youtube.com/' } };
const fromDashboard = { id: 'ext-id', url: 'chrome-extension://ext-id/dashboard.html' };

describe('message types named like object properties', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'])('refuses %s as an unknown type', async (type) => {
    const spy = vi.fn();
    const handlers = { 'profile/get': spy } as unknown as Partial<Handlers>;
    for (const sender of [fromPage, fromDashboard]) {
      const reply = await dispatch(handlers, JSON.parse(JSON.stringify({ type, payload: {} })), sender, self);
      expect(reply).toEqual({ ok: false, error: `unknown message type ${type}` });
    }
    expect(spy).not.toHaveBeenCalled();
  });
});
