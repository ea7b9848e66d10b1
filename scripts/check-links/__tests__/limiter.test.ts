import {describe, expect, it} from 'vitest';
import {HostLimiter} from '../limiter';

/** A task that stays in flight until `finish()` is called, recording peak concurrency. */
function gatedTasks(limiter: HostLimiter, hosts: string[]) {
  const peak = {total: 0, byHost: new Map<string, number>()};
  const gates: Array<() => void> = [];
  const done = hosts.map((host) =>
    limiter.run(host, async () => {
      peak.total = Math.max(peak.total, limiter.inFlight());
      peak.byHost.set(host, Math.max(peak.byHost.get(host) ?? 0, limiter.inFlight(host)));
      await new Promise<void>((resolve) => gates.push(resolve));
      return host;
    }),
  );
  return {peak, gates, done};
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('HostLimiter', () => {
  it('never runs more than perHost tasks of one host or total tasks overall', async () => {
    const limiter = new HostLimiter(3, 2);
    const {peak, gates, done} = gatedTasks(limiter, ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c']);
    await tick();
    expect(limiter.inFlight()).toBe(3);
    expect(limiter.inFlight('a')).toBe(2);
    expect(limiter.inFlight('b')).toBe(1);
    while (gates.length > 0 || limiter.inFlight() > 0) {
      gates.shift()?.();
      await tick();
    }
    expect(await Promise.all(done)).toEqual(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c']);
    expect(peak.total).toBe(3);
    expect(Object.fromEntries(peak.byHost)).toEqual({a: 2, b: 2, c: 1});
  });

  it('lets a later host start while the first host is at its limit', async () => {
    const limiter = new HostLimiter(4, 1);
    const {gates} = gatedTasks(limiter, ['a', 'a', 'a', 'b']);
    await tick();
    expect(limiter.inFlight('a')).toBe(1);
    expect(limiter.inFlight('b')).toBe(1);
    while (gates.length > 0 || limiter.inFlight() > 0) {
      gates.shift()?.();
      await tick();
    }
  });

  it('passes a task error to the caller and frees the slot', async () => {
    const limiter = new HostLimiter(1, 1);
    await expect(limiter.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(limiter.inFlight()).toBe(0);
    await expect(limiter.run('a', async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit below 1', () => {
    expect(() => new HostLimiter(0, 1)).toThrow('并发上限必须至少为 1，收到 total=0、perHost=1');
  });
});
