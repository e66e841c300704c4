// 收件导入: a folder of works as received (and the filled 作品汇总表.xlsx) → a preview of the plan → import.
import { useState } from 'react';
import type { Confidence } from '../shared/intake/names.js';
import { PathField } from './path-field.js';
import { useProfile, useStore } from './store.js';

const SURE: Record<Confidence, string> = { high: '', medium: '较有把握', low: '请核对' };

function Sure({ c, reason }: { c: Confidence; reason: string }) {
  return c === 'high' ? null : <span className={c === 'low' ? 'doubt low' : 'doubt'} title={reason}>{SURE[c]}</span>;
}

export function IntakeScreen() {
  const profile = useProfile();
  const { runIntake, intake, confirmIntake, unit } = useStore();
  const [dir, setDir] = useState('');
  const [summary, setSummary] = useState('');
  const base = (p: string) => p.split(/[\\/]/).pop();
  return (
    <section>
      <h2>从收到的文件夹导入</h2>
      <p className="hint">
        选择收到的作品文件夹(U 盘或云盘下载的，可以是官方目录结构，也可以是每件作品一个文件夹)，以及填好的作品汇总表(.xlsx，可不选：根目录中的汇总表会自动读取)。先预览，确认后再导入；源文件不会被改动。
      </p>
      <label className="row">
        作品文件夹
        <PathField label="作品文件夹" kind="folder" value={dir} onChange={setDir} />
      </label>
      <label className="row">
        作品汇总表
        <PathField label="作品汇总表" kind="file" value={summary} onChange={setSummary} placeholder="可不选" />
      </label>
      <div className="buttons">
        <button disabled={!dir} onClick={() => void runIntake(dir, summary)}>
          预览
        </button>
      </div>
      {intake && (
        <div aria-label="导入预览">
          <p className="hint">
            组织单位：{intake.unit.value} <Sure c={intake.unit.confidence} reason={intake.unit.reason} />
            {!unit && '(目录中还没有组织单位：将按此名称创建，可在“单位信息”中修改)'} · {intake.works.length} 件作品 · 单位文件 {intake.unitFiles.length} 个
            {intake.summary && ` · 汇总表 ${base(intake.summary)}`}
          </p>
          <table>
            <thead>
              <tr>
                <th>类别</th>
                <th>作品名称</th>
                <th>作者</th>
                <th>学段</th>
                <th>文件</th>
                <th>来源文件夹</th>
              </tr>
            </thead>
            <tbody>
              {intake.works.map((w) => (
                <tr key={w.key}>
                  <td>
                    {profile.categories[w.category.value].name} <Sure c={w.category.confidence} reason={w.category.reason} />
                  </td>
                  <td>
                    {w.title.value} <Sure c={w.title.confidence} reason={w.title.reason} />
                  </td>
                  <td>
                    {w.authors.value.join('、') || '(无)'} <Sure c={w.authors.confidence} reason={w.authors.reason} />
                  </td>
                  <td>
                    {profile.stages[w.stage.value]} <Sure c={w.stage.confidence} reason={w.stage.reason} />
                  </td>
                  <td>
                    {w.files.map((f) => (
                      <div key={f.path} className="facts" title={f.reason}>
                        {profile.roleNames[f.role]}：{base(f.path)} {f.origin && '(修复生成)'} <Sure c={f.confidence} reason={f.reason} />
                      </div>
                    ))}
                    {w.unused.map((u) => (
                      <div key={u.path} className="inline-warning">
                        未使用：{base(u.path)}({u.reason})
                      </div>
                    ))}
                  </td>
                  <td className="file">{w.folder}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {(intake.unmatchedRows.length > 0 || intake.foldersWithoutRow.length > 0 || intake.duplicates.length > 0 || intake.summaryConflicts.length > 0) && (
            <ul className="findings" aria-label="未匹配">
              {intake.duplicates.map((d) => (
                <li key={`dup:${d.folder}`} className="warning">
                  <span className="sev">警告</span> 文件夹 {d.folder} 与 {d.sameAs} 是同一作品({d.why})：只导入后者
                </li>
              ))}
              {intake.summaryConflicts.map((c) => (
                <li key={`conflict:${c.rows.join()}`} className="warning">
                  <span className="sev">警告</span> 《{c.title}》在两个汇总表中不一致({c.fields.join('、')})：{c.rows.join('、')}；按前者
                </li>
              ))}
              {intake.unmatchedRows.map((r) => (
                <li key={`row:${r.where ?? ''}${r.row}`} className="warning">
                  <span className="sev">警告</span> {r.where ?? `汇总表第 ${r.row} 行`}《{r.title}》({r.authors.join('、')})没有找到对应的文件夹：不导入
                </li>
              ))}
              {intake.foldersWithoutRow.map((f) => (
                <li key={f} className="warning">
                  <span className="sev">警告</span> 文件夹 {f} 在汇总表中没有对应的行：按文件夹名称导入
                </li>
              ))}
            </ul>
          )}
          {intake.works.some((w) => w.repairs.length) && (
            <>
              <h3>自动修复(新文件放在目录的工作文件夹中，源文件不变)</h3>
              <ul className="plain">
                {intake.works.flatMap((w) => w.repairs.map((x) => <li key={x.to}>{`${w.title.value}：${x.what}`}</li>))}
              </ul>
            </>
          )}
          {/* Every file the plan leaves out, once, with why: what the user would otherwise meet later as file.missing. */}
          {(intake.ignored.length > 0 || intake.works.some((w) => w.unused.length > 0)) && (
            <details>
              <summary>未列入计划的文件({intake.ignored.length + intake.works.reduce((n, w) => n + w.unused.length, 0)} 个)</summary>
              <ul className="plain" aria-label="未列入计划的文件">
                {[...intake.works.flatMap((w) => w.unused), ...intake.ignored].map((x) => (
                  <li key={x.path}>
                    <span className="file">{x.path}</span>：{x.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="buttons">
            <button onClick={() => void confirmIntake()}>确认导入</button>
            <span className="hint" style={{ margin: 0 }}>
              计划文件：{intake.plan}(可用文本编辑器修改后在“目录”中导入)
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
