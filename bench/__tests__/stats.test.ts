import {describe, expect, it} from 'vitest';
import {formatBytes, formatKb, formatMs, formatPercent, formatRatio, median, ratio} from '../stats';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('ratio', () => {
  it('divides, and is NaN when a side is missing or the divisor is zero', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(undefined, 4)).toBeNaN();
    expect(ratio(3, 0)).toBeNaN();
  });
});

describe('formatting', () => {
  it('shows times in ms below a second and in s above', () => {
    expect(formatMs(1234.5)).toBe('1.23 s');
    expect(formatMs(56.78)).toBe('56.8 ms');
    expect(formatMs(0.042)).toBe('0.04 ms');
    expect(formatMs(Number.NaN)).toBe('–');
  });

  it('shows ratios with two significant places', () => {
    expect(formatRatio(0.934)).toBe('0.93×');
    expect(formatRatio(12.34)).toBe('12.3×');
    expect(formatRatio(0.0123)).toBe('0.012×');
  });

  it('shows memory, sizes and shares', () => {
    expect(formatKb(153600)).toBe('150 MB');
    expect(formatKb(undefined)).toBe('–');
    expect(formatBytes(390393)).toBe('381 KB');
    expect(formatBytes(3903930)).toBe('3.7 MB');
    expect(formatPercent(0.0284)).toBe('2.8 %');
  });
});
