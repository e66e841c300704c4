// The upload deadline and the freeze after it, in China's days.
import { describe, expect, it } from 'vitest';
import { deadlineState } from '../../src/shared/deadline.js';

describe('deadlineState', () => {
  it('counts the days left, then the freeze, then nothing', () => {
    expect(deadlineState('2025-07-15', '2025-09-30', new Date('2025-07-13T12:00:00+08:00'))).toEqual({
      kind: 'before',
      days: 3,
    });
    // The last day is still before: until 23:59:59 in China.
    expect(deadlineState('2025-07-15', '2025-09-30', new Date('2025-07-15T23:00:00+08:00')).kind).toBe('before');
    expect(deadlineState('2025-07-15', '2025-09-30', new Date('2025-07-16T00:00:01+08:00'))).toMatchObject({
      kind: 'freeze',
    });
    expect(deadlineState('2025-07-15', '2025-09-30', new Date('2025-10-01T00:00:01+08:00'))).toEqual({
      kind: 'after',
      days: 0,
    });
  });
});
