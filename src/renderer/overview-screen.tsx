// 报送总览: the whole submission on one page — quotas, the works by state, the unit's own items, the deadline and
// the freeze after it. Each open item links to where it is fixed. Its numbers are the check report's (the same
// counts `baosong check --json` gives), never computed apart.
import type { Finding } from '../shared/model.js';
import { quotaUsage } from '../shared/rules/quotas.js';
import { workLabel } from '../shared/model.js';
import { deadlineState } from '../shared/deadline.js';
import { useShallow } from 'zustand/react/shallow';
import { useProfile, useStore, type Screen } from './store.js';

const cn = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export function OverviewScreen() {
  const profile = useProfile();
  const { unit, works, report, go, showWorks, printed, mailed, check } = useStore(
    useShallow((s) => ({
      unit: s.unit,
      works: s.works,
      report: s.report,
      go: s.go,
      showWorks: s.showWorks,
      printed: s.printed,
      mailed: s.mailed,
      check: s.check,
    })),
  );
  const findings = report?.findings ?? [];
  const bySeverity = new Map<string, Set<Finding['severity']>>();
  for (const f of findings)
    if (f.work) bySeverity.set(f.work, new Set([...(bySeverity.get(f.work) ?? []), f.severity]));
  const has = (label: string, s: Finding['severity']) => bySeverity.get(label)?.has(s) ?? false;
  const errors = works.filter((w) => has(workLabel(w), 'error')).length;
  const confirm = works.filter((w) => has(workLabel(w), 'info')).length;
  const ready = works.filter((w) => !has(workLabel(w), 'error') && !has(workLabel(w), 'info')).length;
  const unitFindings = findings.filter((f) => !f.work && f.rule.startsWith('unit.'));
  const d = deadlineState(profile.deadline, profile.freezeUntil, new Date());
  const item = (done: boolean, text: string, where: Screen, detail?: string) => (
    <li className={done ? 'done' : 'open'}>
      <span className="mark" aria-hidden="true">
        {done ? '✓' : '○'}
      </span>{' '}
      {text}
      {detail && <span className="hint"> {detail}</span>}
      {!done && (
        <button className="secondary small" onClick={() => go(where)}>
          去处理
        </button>
      )}
    </li>
  );
  const scans = profile.unitRoles.filter((r) => r.required);
  // The certificates are printed from 作品汇总表 as typed: names and units agree, and every author has checked them.
  const spellings = findings.filter((f) => f.rule.startsWith('certificate.')).length;
  const proof = `${profile.formTexts.certificateCheck.title}(打印).pdf`;
  const proofPrinted = !!printed?.files.includes(proof);
  return (
    <section className="overview">
      <h2>报送总览 · {unit?.name ?? '尚未填写组织单位'}</h2>
      <div className={d.kind === 'before' ? 'deadline' : 'deadline freeze'} aria-label="截止日期">
        {d.kind === 'before' && `上传截止：${cn(profile.deadline)}，还有 ${d.days} 天。`}
        {d.kind === 'freeze' &&
          `已过上传截止日期(${cn(profile.deadline)})：${cn(profile.freezeUntil)}前不允许修改或替换云盘中的文件，此时重新导出并上传会改变云盘中的作品。`}
        {d.kind === 'after' &&
          `本届活动的上传(${cn(profile.deadline)})和冻结期(至${cn(profile.freezeUntil)})都已结束。`}
        {d.kind === 'before' && ` ${cn(profile.deadline)}至${cn(profile.freezeUntil)}不允许修改或替换云盘中的文件。`}
      </div>
      <h3>名额</h3>
      <div className="meters" aria-label="名额">
        {quotaUsage(profile, { unit, works }).map((q) => (
          <span key={q.short} className={q.count > q.limit ? 'meter over' : 'meter'}>
            {q.short} {q.count}/{q.limit}
          </span>
        ))}
      </div>
      <h3>作品({works.length} 件)</h3>
      {!report ? (
        <button onClick={() => void check()}>检查</button>
      ) : (
        <div className="tiles" aria-label="作品状态">
          <button className="tile ok" onClick={() => showWorks('ready')}>
            <strong>{ready}</strong> 件可报送
          </button>
          <button className={errors ? 'tile bad' : 'tile'} onClick={() => showWorks('errors')}>
            <strong>{errors}</strong> 件有错误
          </button>
          <button className={confirm ? 'tile warn' : 'tile'} onClick={() => showWorks('confirm')}>
            <strong>{confirm}</strong> 件待确认
          </button>
          <button className="tile" onClick={() => go('check')}>
            检查：错误 {report.errors} · 警告 {report.warnings} · 待确认 {report.infos}
          </button>
        </div>
      )}
      <h3>单位事项</h3>
      <ul className="todo" aria-label="单位事项">
        {item(
          !!unit && !unitFindings.some((f) => f.rule === 'unit.info'),
          '组织单位信息(附表1-4至1-7所需)',
          'unit',
          unitFindings.some((f) => f.rule === 'unit.info')
            ? `${unitFindings.filter((f) => f.rule === 'unit.info').length} 项待完善`
            : undefined,
        )}
        {scans.map((r) => item(!!unit?.files.some((f) => f.role === r.role), r.label, 'unit'))}
        {item(!!unit?.cloudLink && !!unit?.cloudCode, '云盘链接地址和访问密码(附表1-6)', 'unit')}
        {item(
          proofPrinted && spellings === 0,
          `${profile.formTexts.certificateCheck.title}：每位作者核对姓名、单位、作品名称并签字`,
          spellings ? 'check' : 'print',
          spellings
            ? `${spellings} 处姓名或单位写法不一`
            : proofPrinted
              ? `已打印到 ${printed!.dir}`
              : '打印后交作者核对签字',
        )}
        {item(
          !!mailed,
          '邮件附件包(附表1-1、1-2、1-4至1-7)',
          'print',
          mailed ? `已生成到 ${mailed.dir}` : `发送到 ${profile.mailbox}`,
        )}
      </ul>
    </section>
  );
}
