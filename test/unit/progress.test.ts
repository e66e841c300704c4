// The progress bar across an export's phases: never 100 % before the end, never backwards across phases.
import { describe, expect, it } from 'vitest';
import { overallFraction } from '../../src/shared/progress.js';

describe('overallFraction', () => {
  it('weighs the phases of an export: the check done is not the export done', () => {
    const check = overallFraction('export', { phase: 'inspect', done: 10, total: 10, bytes: 100, totalBytes: 100 })!;
    expect(check).toBeCloseTo(3 / 14);
    const forms = overallFraction('export', { phase: 'forms', done: 0, total: 40, bytes: 0, totalBytes: 0 })!;
    expect(forms).toBeGreaterThanOrEqual(check);
    const half = overallFraction('export', { phase: 'copy', done: 5, total: 10, bytes: 50, totalBytes: 100 })!;
    expect(half).toBeCloseTo((3 + 2 + 4) / 14);
    const copied = overallFraction('export', { phase: 'copy', done: 10, total: 10, bytes: 100, totalBytes: 100 })!;
    expect(copied).toBeLessThan(1);
    expect(overallFraction('export', { phase: 'swap', done: 1, total: 1 })).toBe(0.99);
  });
  it('says nothing when the progress says nothing, and caps an unknown job below 100 %', () => {
    expect(overallFraction('export', null)).toBeNull();
    expect(overallFraction(null, { phase: 'x', done: 0, total: 0 })).toBeNull();
    expect(overallFraction(null, { phase: 'x', done: 3, total: 3 })).toBe(0.99);
  });
});
