// The forms' wording against the notice's own text (the clauses copied into test/fixtures/notice/ with their
// source). What the notice prints, the form prints: no item skipped, none shortened.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireProfile } from '../../src/shared/rules/registry.js';

/** The notice's text as PDF extraction gives it: spaces inside lines and OCR's 口 for the checkbox □ undone. */
const notice = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/notice/${name}`, import.meta.url)), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.replace(/\s+/g, '').replace(/^口/, '□'));
const squash = (s: string) => s.replace(/\s+/g, '');

describe('附表1-7 工作报告要求', () => {
  it('carries every numbered item of the notice, in order, verbatim', () => {
    const t = requireProfile(null).formTexts;
    const lines = notice('report-requirements.txt');
    expect(lines[0]).toBe('市级(校级)工作报告要求');
    expect(t.reportRequirements.map(squash)).toEqual(lines.slice(1));
    // The report's sections are the notice's contents list, word for word.
    expect(t.reportHeadings.map((h) => `□${squash(h)}`)).toEqual(lines.filter((l) => l.startsWith('□')));
  });
});
