/**
 * The statistics `npm run bench` reads its throughput figures at: the median (what the run gave)
 * and the quiet figure (what the host gave when it left the engine alone).
 */
import { describe, expect, it } from 'vitest';
import { mbPerSecond, median, QUIET_SHARE, quantile } from '../../bench/throughput';

describe('bench figures', () => {
  it('reads the median and lower shares of unsorted samples without sorting them in place', () => {
    const xs = [9, 1, 7, 3, 5, 2, 8, 4, 10, 6];
    expect(median(xs)).toBe(6);
    expect(quantile(xs, 0.1)).toBe(2);
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(10);
    expect(xs).toEqual([9, 1, 7, 3, 5, 2, 8, 4, 10, 6]);
  });

  it('takes the quiet figure from the fast calls, so a burst of slow ones does not move it', () => {
    // 100 calls of 0.2 ms, of which the host slowed 60 to twice that: the median sees the host.
    const calls = [...Array.from({ length: 40 }, () => 0.2), ...Array.from({ length: 60 }, () => 0.4)];
    expect(mbPerSecond(10_000, median(calls))).toBe(25);
    expect(mbPerSecond(10_000, quantile(calls, QUIET_SHARE))).toBe(50);
  });
});
