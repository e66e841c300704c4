// 收件导入: a folder of works as received (and the filled 作品汇总表.xlsx) → a preview of the plan → import. The
// preview's corrections are a model of their own (intake/drafts.ts).
import { Fragment, useState } from 'react';
import type { Confidence } from '../shared/intake/names.js';
import type { WorkRole } from '../shared/model.js';
import { PathField } from './path-field.js';
import { CategorySelect, StageSelect } from './pickers.js';
import { useShallow } from 'zustand/react/shallow';
import { editsOf, useIntakeDrafts, type Draft } from './intake/drafts.js';
import { useProfile, useStore } from './store.js';

const SURE: Record<Confidence, string> = { high: '', medium: '较有把握', low: '请核对' };

function Sure({ c, reason }: { c: Confidence; reason: string }) {
  return c === 'high' ? null : (
    <span className={c === 'low' ? 'doubt low' : 'doubt'} title={reason}>
      {SURE[c]}
    </span>
  );
}

export function IntakeScreen() {
  const profile = useProfile();
  const { runIntake, intake, confirmIntake, unit } = useStore(
    useShallow((s) => ({ runIntake: s.runIntake, intake: s.intake, confirmIntake: s.confirmIntake, unit: s.unit })),
  );
  const [dir, setDir] = useState('');
  const [summary, setSummary] = useState('');
  const { drafts, editing, setEditing, edited, pickRow, setPickRow, pickWork, setPickWork, change, split, pair, pick } =
    useIntakeDrafts(intake);
  const base = (p: string) => p.split(/[\\/]/).pop();
  const rowName = (r: { row: number; where?: string }) => r.where ?? `汇总表第 ${r.row} 行`;
  const workOf = (d: Draft) => intake?.works.find((w) => w.key === (d.from ?? d.key));
  // Rows still without a folder, and works still without a row (when a summary was read).
  const openRows = intake
    ? intake.unmatchedRows.map((r, i) => ({ r, i })).filter(({ i }) => !drafts.some((d) => d.row === i))
    : [];
  const rowless = intake?.summary
    ? drafts.filter((d) => !d.into && d.row === undefined && (d.from !== undefined || workOf(d)?.row === null))
    : [];
  // The files left out as the plan now stands: intake's reason, or the user's own choice.
  const shown = (path: string) =>
    intake && path.startsWith(intake.dir) && /[\\/]/.test(path.charAt(intake.dir.length))
      ? path.slice(intake.dir.length + 1)
      : path;
  const leftOut = intake
    ? [
        ...drafts.flatMap((d) =>
          d.files
            .filter((f) => f.role === '')
            .map((f) => {
              const u = workOf(d)?.unused.find((x) => x.file === f.path);
              return { path: u?.path ?? shown(f.path), reason: u?.reason ?? '在预览中改为不导入' };
            }),
        ),
        ...intake.ignored,
      ]
    : [];
  const folderOf = (d: Draft) => `${workOf(d)?.folder ?? d.key}${d.from ? `(拆分出的《${d.title}》)` : ''}`;
  return (
    <section>
      <h2>从收到的文件夹导入</h2>
      <p className="hint">
        选择收到的作品文件夹(U
        盘或云盘下载的，可以是官方目录结构，也可以是每件作品一个文件夹)，以及填好的作品汇总表(.xlsx，可不选：根目录中的汇总表会自动读取)。先预览，确认后再导入；源文件不会被改动。
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
            {!unit && '(目录中还没有组织单位：将按此名称创建，可在“单位信息”中修改)'} ·{' '}
            {drafts.filter((d) => !d.into).length} 件作品 · 单位文件 {intake.unitFiles.length} 个
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
              {drafts.map((d) => {
                const w = workOf(d);
                if (!w) return null;
                // A split-off work, or one paired with a row, is the user's: no guess to show beside it.
                const own = d.from !== undefined || d.row !== undefined;
                const changed = (guessed: string, now: string) =>
                  own ? null : guessed === now ? undefined : <span className="doubt">已修改</span>;
                const sure = (guessed: string, now: string, g: { confidence: Confidence; reason: string }) => {
                  const c = changed(guessed, now);
                  return c === undefined ? <Sure c={g.confidence} reason={g.reason} /> : c;
                };
                const paired = d.row !== undefined ? intake.unmatchedRows[d.row] : undefined;
                return (
                  <Fragment key={d.key}>
                    <tr className={d.into ? 'merged' : undefined}>
                      <td>
                        {profile.categories[d.category].name} {sure(w.category.value, d.category, w.category)}
                      </td>
                      <td>
                        {d.title} {sure(w.title.value, d.title, w.title)}
                        {paired && <div className="facts">已与{rowName(paired)}配对</div>}
                      </td>
                      <td>
                        {d.authors || '(无)'} {sure(w.authors.value.join('、'), d.authors, w.authors)}
                      </td>
                      <td>
                        {profile.stages[d.stage]} {sure(w.stage.value, d.stage, w.stage)}
                      </td>
                      <td>
                        {d.into && (
                          <div className="inline-warning">已并入：{drafts.find((x) => x.key === d.into)?.title}</div>
                        )}
                        {/* The files as the plan will have them: the guess, or the user's correction. */}
                        {d.files.map((f) => {
                          const guessed = w.files.find((x) => x.path === f.path);
                          const unused = w.unused.find((u) => u.file === f.path);
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
                              {guessed && guessed.role === f.role ? (
                                <Sure c={guessed.confidence} reason={guessed.reason} />
                              ) : (
                                <span className="doubt">已修改</span>
                              )}
                            </div>
                          );
                        })}
                      </td>
                      <td className="file">
                        {w.folder}
                        {d.from && <div className="facts">(从中拆分出的作品)</div>}
                      </td>
                      <td>
                        <button
                          className="secondary"
                          aria-label={`修改 ${d.from ? d.title : w.folder}`}
                          onClick={() => setEditing(editing === d.key ? null : d.key)}
                        >
                          {editing === d.key ? '完成' : '修改'}
                        </button>
                      </td>
                    </tr>
                    {editing === d.key && (
                      <tr className="editor">
                        <td colSpan={7}>
                          <div className="form" aria-label={`修改 ${d.from ? d.title : w.folder} 的计划`}>
                            <label className="row">
                              类别
                              <CategorySelect value={d.category} onChange={(category) => change(d.key, { category })} />
                            </label>
                            <label className="row">
                              学段
                              <StageSelect value={d.stage} onChange={(stage) => change(d.key, { stage })} />
                            </label>
                            <label className="row">
                              作品名称
                              <input
                                aria-label="作品名称"
                                value={d.title}
                                onChange={(e) => change(d.key, { title: e.target.value })}
                              />
                            </label>
                            <label className="row">
                              作者(按顺序，用“、”分隔)
                              <input
                                aria-label="作者"
                                value={d.authors}
                                onChange={(e) => change(d.key, { authors: e.target.value })}
                              />
                            </label>
                            {d.files.map((f) => (
                              <div key={f.path} className="row file-role">
                                <input
                                  type="checkbox"
                                  aria-label={`选中 ${base(f.path)}`}
                                  title="选中后可拆分为另一件作品"
                                  checked={!!f.picked}
                                  onChange={(e) => pick(d.key, f.path, e.target.checked)}
                                />
                                <span className="file">{base(f.path)}</span>
                                <select
                                  aria-label={`${base(f.path)} 的用途`}
                                  value={f.role}
                                  onChange={(e) =>
                                    change(d.key, {
                                      files: d.files.map((x) =>
                                        x.path === f.path ? { ...x, role: e.target.value as WorkRole | '' } : x,
                                      ),
                                    })
                                  }
                                >
                                  <option value="">不导入</option>
                                  {profile.categories[d.category].roles.map((r) => (
                                    <option key={r.role} value={r.role}>
                                      {profile.roleNames[r.role]}
                                    </option>
                                  ))}
                                </select>
                              </div>
                            ))}
                            <div className="buttons">
                              <button
                                className="secondary"
                                disabled={!d.files.some((f) => f.picked) || d.files.every((f) => f.picked)}
                                onClick={() => split(d)}
                                title="一个文件夹里装了两件作品：把选中的文件拆成另一件作品"
                              >
                                把选中的文件拆成另一件作品
                              </button>
                            </div>
                            <label className="row">
                              与另一件作品合并(同一作品分两个文件夹发来)
                              <select
                                aria-label="并入"
                                value={d.into}
                                onChange={(e) => change(d.key, { into: e.target.value })}
                              >
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
                            {paired && (
                              <div className="buttons">
                                <button className="secondary" onClick={() => change(d.key, { row: undefined })}>
                                  取消与{rowName(paired)}的配对
                                </button>
                              </div>
                            )}
                          </div>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          {(intake.duplicates.length > 0 || intake.summaryConflicts.length > 0) && (
            <ul className="findings" aria-label="重复与冲突">
              {intake.duplicates.map((d) => (
                <li key={`dup:${d.folder}`} className="warning">
                  <span className="sev">警告</span> 文件夹 {d.folder} 与 {d.sameAs} 是同一作品({d.why})：只导入后者
                </li>
              ))}
              {intake.summaryConflicts.map((c) => (
                <li key={`conflict:${c.rows.join()}`} className="warning">
                  <span className="sev">警告</span> 《{c.title}》在两个汇总表中不一致({c.fields.join('、')})：
                  {c.rows.join('、')}；按前者
                </li>
              ))}
            </ul>
          )}
          {/* The rows without a folder and the folders without a row, side by side: the user pairs what belongs together. */}
          {(openRows.length > 0 || rowless.length > 0) && (
            <div className="pairs" aria-label="未匹配">
              <div>
                <h3>汇总表中找不到文件夹的行({openRows.length})</h3>
                {openRows.length === 0 && <p className="hint">无</p>}
                {openRows.map(({ r, i }) => (
                  <label key={`row:${i}`} className="pair-option warning">
                    <input
                      type="radio"
                      name="pair-row"
                      aria-label={`行 ${rowName(r)}`}
                      checked={pickRow === i}
                      onChange={() => setPickRow(i)}
                    />
                    {rowName(r)}《{r.title}》({r.authors.join('、') || '无作者'})
                    <span className="hint">：不配对则不导入</span>
                  </label>
                ))}
              </div>
              <div>
                <h3>汇总表中没有的文件夹({rowless.length})</h3>
                {rowless.length === 0 && <p className="hint">无</p>}
                {rowless.map((d) => (
                  <label key={`work:${d.key}`} className="pair-option warning">
                    <input
                      type="radio"
                      name="pair-work"
                      aria-label={`文件夹 ${folderOf(d)}`}
                      checked={pickWork === d.key}
                      onChange={() => setPickWork(d.key)}
                    />
                    {folderOf(d)}
                    <span className="hint">：不配对则按文件夹名称导入</span>
                  </label>
                ))}
              </div>
              <div className="buttons">
                <button disabled={pickRow === null || pickWork === null} onClick={() => pair(pickRow!, pickWork!)}>
                  配对选中的行和文件夹
                </button>
              </div>
            </div>
          )}
          {intake.works.some((w) => w.repairs.length) && (
            <>
              <h3>自动修复(新文件放在目录的工作文件夹中，源文件不变)</h3>
              <ul className="plain">
                {intake.works.flatMap((w) => w.repairs.map((x) => <li key={x.to}>{`${w.title.value}：${x.what}`}</li>))}
              </ul>
            </>
          )}
          {/* Every file the plan leaves out, once, with why (as corrected on screen): what the user would otherwise meet later as file.missing. */}
          {leftOut.length > 0 && (
            <details>
              <summary>未列入计划的文件({leftOut.length} 个)</summary>
              <ul className="plain" aria-label="未列入计划的文件">
                {leftOut.map((x) => (
                  <li key={x.path}>
                    <span className="file">{x.path}</span>：{x.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="buttons">
            <button onClick={() => void confirmIntake(edited ? editsOf(drafts) : undefined)}>
              {edited ? '按修改后的计划导入' : '确认导入'}
            </button>
            <span className="hint" style={{ margin: 0 }}>
              计划文件：{intake.plan}(可用文本编辑器修改后在“目录”中导入)
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
