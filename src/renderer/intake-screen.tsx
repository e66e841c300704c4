// 收件导入: a folder of works as received (and the filled 作品汇总表.xlsx) → a preview of the plan → import.
import { Fragment, useEffect, useState } from 'react';
import type { Confidence } from '../shared/intake/names.js';
import type { IntakeReport } from '../shared/intake/report.js';
import { CATEGORIES, STAGES, type CategoryId, type Stage, type WorkRole } from '../shared/model.js';
import { PathField } from './path-field.js';
import { useProfile, useStore } from './store.js';

const SURE: Record<Confidence, string> = { high: '', medium: '较有把握', low: '请核对' };

function Sure({ c, reason }: { c: Confidence; reason: string }) {
  return c === 'high' ? null : <span className={c === 'low' ? 'doubt low' : 'doubt'} title={reason}>{SURE[c]}</span>;
}

/** One work of the preview as the user corrects it; `role: ''` leaves a file out, `into` merges the work into another. */
interface Draft {
  key: string;
  category: CategoryId;
  stage: Stage;
  title: string;
  authors: string;
  files: { path: string; role: WorkRole | '' }[];
  into: string;
}

function draftOf(r: IntakeReport): Draft[] {
  return r.works.map((w) => ({
    key: w.key,
    category: w.category.value,
    stage: w.stage.value,
    title: w.title.value,
    authors: w.authors.value.join('、'),
    // The files left out are listed too: the user may take one in after all.
    files: [...w.files.map((f) => ({ path: f.path, role: f.role as WorkRole })), ...w.unused.map((u) => ({ path: `${r.dir}/${u.path}`, role: '' as const }))],
    into: '',
  }));
}

/** The corrected works for intake.apply: merged works' files go to the work they were merged into. */
function editsOf(drafts: Draft[]) {
  const final = (d: Draft): Draft => {
    let at = d;
    for (let i = 0; at.into && i < drafts.length; i += 1) at = drafts.find((x) => x.key === at.into) ?? at;
    return at;
  };
  return drafts
    .filter((d) => !d.into)
    .map((d) => ({
      key: d.key,
      category: d.category,
      stage: d.stage,
      title: d.title,
      authors: d.authors.split(/[、,，;；\s]+/).filter(Boolean),
      files: drafts
        .filter((x) => final(x).key === d.key)
        .flatMap((x) => x.files)
        .filter((f): f is { path: string; role: WorkRole } => f.role !== ''),
    }));
}

export function IntakeScreen() {
  const profile = useProfile();
  const { runIntake, intake, confirmIntake, unit } = useStore();
  const [dir, setDir] = useState('');
  const [summary, setSummary] = useState('');
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    setDrafts(intake ? draftOf(intake) : []);
    setEditing(null);
    setEdited(false);
  }, [intake]);
  const change = (key: string, patch: Partial<Draft>) => {
    setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));
    setEdited(true);
  };
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
                <th></th>
              </tr>
            </thead>
            <tbody>
              {intake.works.map((w) => {
                const d = drafts.find((x) => x.key === w.key);
                if (!d) return null;
                const changed = (guessed: string, now: string) => (guessed === now ? null : <span className="doubt">已修改</span>);
                return (
                  <Fragment key={w.key}>
                    <tr className={d.into ? 'merged' : undefined}>
                      <td>
                        {profile.categories[d.category].name} {changed(w.category.value, d.category) ?? <Sure c={w.category.confidence} reason={w.category.reason} />}
                      </td>
                      <td>
                        {d.title} {changed(w.title.value, d.title) ?? <Sure c={w.title.confidence} reason={w.title.reason} />}
                      </td>
                      <td>
                        {d.authors || '(无)'} {changed(w.authors.value.join('、'), d.authors) ?? <Sure c={w.authors.confidence} reason={w.authors.reason} />}
                      </td>
                      <td>
                        {profile.stages[d.stage]} {changed(w.stage.value, d.stage) ?? <Sure c={w.stage.confidence} reason={w.stage.reason} />}
                      </td>
                      <td>
                        {d.into && <div className="inline-warning">已并入：{drafts.find((x) => x.key === d.into)?.title}</div>}
                        {/* The files as the plan will have them: the guess, or the user's correction. */}
                        {d.files.map((f) => {
                          const guessed = w.files.find((x) => x.path === f.path);
                          const unused = w.unused.find((u) => f.path.endsWith(u.path));
                          if (f.role === '') {
                            return (
                              <div key={f.path} className="inline-warning">
                                未使用：{base(f.path)}({unused?.reason ?? '已改为不导入'})
                              </div>
                            );
                          }
                          return (
                            <div key={f.path} className="facts" title={guessed?.reason}>
                              {profile.roleNames[f.role]}：{base(f.path)} {guessed?.origin && '(修复生成)'}{' '}
                              {guessed && guessed.role === f.role ? <Sure c={guessed.confidence} reason={guessed.reason} /> : <span className="doubt">已修改</span>}
                            </div>
                          );
                        })}
                      </td>
                      <td className="file">{w.folder}</td>
                      <td>
                        <button className="secondary" aria-label={`修改 ${w.folder}`} onClick={() => setEditing(editing === w.key ? null : w.key)}>
                          {editing === w.key ? '完成' : '修改'}
                        </button>
                      </td>
                    </tr>
                    {editing === w.key && (
                      <tr className="editor">
                        <td colSpan={7}>
                          <div className="form" aria-label={`修改 ${w.folder} 的计划`}>
                            <label className="row">
                              类别
                              <select aria-label="类别" value={d.category} onChange={(e) => change(d.key, { category: e.target.value as CategoryId })}>
                                {CATEGORIES.map((c) => (
                                  <option key={c} value={c}>
                                    {profile.categories[c].name}
                                  </option>
                                ))}
                              </select>
                            </label>
                            <label className="row">
                              学段
                              <select aria-label="学段" value={d.stage} onChange={(e) => change(d.key, { stage: e.target.value as Stage })}>
                                {STAGES.map((st) => (
                                  <option key={st} value={st}>
                                    {profile.stages[st]}
                                  </option>
                                ))}
                              </select>
                            </label>
                            <label className="row">
                              作品名称
                              <input aria-label="作品名称" value={d.title} onChange={(e) => change(d.key, { title: e.target.value })} />
                            </label>
                            <label className="row">
                              作者(按顺序，用“、”分隔)
                              <input aria-label="作者" value={d.authors} onChange={(e) => change(d.key, { authors: e.target.value })} />
                            </label>
                            {d.files.map((f) => (
                              <label key={f.path} className="row">
                                {base(f.path)}
                                <select
                                  aria-label={`${base(f.path)} 的用途`}
                                  value={f.role}
                                  onChange={(e) => change(d.key, { files: d.files.map((x) => (x.path === f.path ? { ...x, role: e.target.value as WorkRole | '' } : x)) })}
                                >
                                  <option value="">不导入</option>
                                  {profile.categories[d.category].roles.map((r) => (
                                    <option key={r.role} value={r.role}>
                                      {profile.roleNames[r.role]}
                                    </option>
                                  ))}
                                </select>
                              </label>
                            ))}
                            <label className="row">
                              与另一件作品合并(同一作品分两个文件夹发来)
                              <select aria-label="并入" value={d.into} onChange={(e) => change(d.key, { into: e.target.value })}>
                                <option value="">不合并</option>
                                {drafts
                                  .filter((x) => x.key !== d.key && !x.into)
                                  .map((x) => (
                                    <option key={x.key} value={x.key}>
                                      并入《{x.title}》({x.authors || '无作者'})
                                    </option>
                                  ))}
                              </select>
                            </label>
                          </div>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
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
            <button onClick={() => void confirmIntake(edited ? editsOf(drafts) : undefined)}>{edited ? '按修改后的计划导入' : '确认导入'}</button>
            <span className="hint" style={{ margin: 0 }}>
              计划文件：{intake.plan}(可用文本编辑器修改后在“目录”中导入)
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
