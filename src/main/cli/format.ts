// The readable Chinese report: a table grouped by work.
import type { CheckReport, Finding, Unit } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';

const SEVERITY = { error: '错误', warning: '警告', info: '待确认' } as const;

/** Display width: CJK and full-width characters take two columns. */
export function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

const pad = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - width(text)));

function line(f: Finding, ruleWidth: number, profile: Profile): string {
  const where = [f.role ? `[${profile.roleNames[f.role] ?? f.role}]` : '', f.file ? `文件 ${f.file}` : '']
    .filter(Boolean)
    .join(' ');
  const measured =
    f.expected !== undefined || f.actual !== undefined ? `(应为 ${f.expected ?? '—'}，实际 ${f.actual ?? '—'})` : '';
  const head = `  ${pad(SEVERITY[f.severity], 6)} ${pad(f.rule, ruleWidth)} `;
  return [head + (where ? `${where} ` : '') + f.message, measured ? `${' '.repeat(width(head))}${measured}` : '']
    .filter(Boolean)
    .join('\n');
}

export function formatReport(
  report: CheckReport,
  profile: Profile,
  unit: Unit | null,
  workHeads: Map<string, string>,
): string {
  const ruleWidth = Math.max(12, ...report.findings.map((f) => f.rule.length));
  const out: string[] = [];
  out.push(`${profile.name} · ${unit?.name ?? '(无组织单位)'} · ${report.works} 件作品`);
  out.push(`错误 ${report.errors} · 警告 ${report.warnings} · 待确认 ${report.infos}`);
  const batch = report.findings.filter((f) => f.work === undefined);
  if (batch.length) {
    out.push('', '【组织单位与名额】');
    for (const f of batch) out.push(line(f, ruleWidth, profile));
  }
  const byWork = new Map<string, Finding[]>();
  for (const f of report.findings) if (f.work !== undefined) byWork.set(f.work, [...(byWork.get(f.work) ?? []), f]);
  for (const [work, findings] of byWork) {
    out.push('', `【${workHeads.get(work) ?? work}】`);
    for (const f of findings) out.push(line(f, ruleWidth, profile));
  }
  if (report.findings.length === 0) out.push('', '全部检查通过。');
  else if (report.errors === 0) out.push('', '没有错误。');
  return out.join('\n') + '\n';
}
