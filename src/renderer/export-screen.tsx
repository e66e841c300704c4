// 导出: the target folder, its pre-flight, the export with its progress, 校验 and 打开文件夹.
import { useState } from 'react';
import { formatBytes, PREFLIGHT_STATE, preflightShort } from '../shared/describe.js';
import { deadlineState } from '../shared/deadline.js';
import { PathField } from './path-field.js';
import { useRememberedPath } from './remember.js';
import { useShallow } from 'zustand/react/shallow';
import { useProfile, useStore } from './store.js';

export function ExportScreen() {
  const profile = useProfile();
  const { report, runExport, exported, verify, verified, preflight, runPreflight, openPath, go } = useStore(
    useShallow((s) => ({
      report: s.report,
      runExport: s.runExport,
      exported: s.exported,
      verify: s.verify,
      verified: s.verified,
      preflight: s.preflight,
      runPreflight: s.runPreflight,
      openPath: s.openPath,
      go: s.go,
    })),
  );
  const catalogPath = useStore((st) => st.info?.path ?? '');
  const [out, setOut] = useRememberedPath(catalogPath, 'export');
  const [allowErrors, setAllowErrors] = useState(false);
  // A pre-flight of another folder than the one now named is not shown.
  const p = preflight && preflight.dir.replace(/[\\/]+$/, '') === out.trim().replace(/[\\/]+$/, '') ? preflight : null;
  const short = p !== null && preflightShort(p);
  return (
    <section>
      <h2>导出云盘文件夹</h2>
      <p className="hint">生成可直接拖进云盘客户端的文件夹：分类文件夹、作品汇总表、各类登记表和 manifest.sha256。</p>
      {deadlineState(profile.deadline, profile.freezeUntil, new Date()).kind === 'freeze' && (
        <div className="inline-warning" role="note">
          现在是冻结期(上传截止后至{profile.freezeUntil.replace(/^\d+-0?(\d+)-0?(\d+)$/, '$1月$2日')}
          )：云盘中的文件不允许修改或替换。重新导出只为留底；除非省里要求，不要再上传。
        </div>
      )}
      <label className="row">
        导出到文件夹
        <PathField
          label="导出到文件夹"
          kind="folder"
          value={out}
          onChange={setOut}
          placeholder="一个空文件夹或以前导出的文件夹"
        />
      </label>
      <div className="buttons">
        <button className="secondary" disabled={!out} onClick={() => void runPreflight(out)}>
          预检
        </button>
        <label className="check">
          <input type="checkbox" checked={allowErrors} onChange={(e) => setAllowErrors(e.target.checked)} />{' '}
          有错误也导出
        </label>
      </div>
      {p && (
        <div className="preflight" aria-label="导出预检">
          <dl>
            <dt>目标文件夹</dt>
            <dd>
              {p.dir}({PREFLIGHT_STATE[p.state]})
            </dd>
            {p.problem && (
              <>
                <dt>问题</dt>
                <dd className="inline-error">{p.problem}</dd>
              </>
            )}
            <dt>内容</dt>
            <dd>
              {p.works} 件作品，{p.files} 个文件：{p.folders.map((f) => `${f.name} ${f.works} 件`).join('，')}
            </dd>
            <dt>需要复制</dt>
            <dd>
              {formatBytes(p.copyBytes)}
              {p.reusable > 0 && `(另有 ${p.reusable} 个文件沿用上次导出)`}
            </dd>
            <dt>磁盘格式</dt>
            <dd>{p.fileSystem ?? `无法读取(${p.fileSystemNote ?? '未知'})`}</dd>
            <dt>可用空间</dt>
            <dd className={short ? 'inline-error' : ''}>
              {p.freeBytes === null ? '未知' : `${formatBytes(p.freeBytes)}${short ? '：不够' : ''}`}
            </dd>
            <dt>检查结果</dt>
            <dd className={p.errors ? 'inline-error' : ''}>
              错误 {p.errors} · 警告 {p.warnings} · 待确认 {p.infos}
              {p.errors > 0 && !allowErrors && '：有错误时不能导出(修正，或勾选“有错误也导出”)'}{' '}
              {p.errors > 0 && (
                <button className="secondary" onClick={() => go('check')}>
                  查看
                </button>
              )}
            </dd>
            {p.limits.length > 0 && (
              <>
                <dt>目标的限制</dt>
                <dd aria-label="目标的限制">
                  {p.limits.map((f, i) => (
                    <div
                      key={i}
                      className={
                        f.severity === 'error' ? 'inline-error' : f.severity === 'warning' ? 'inline-warning' : ''
                      }
                      data-rule={f.rule}
                    >
                      {f.message}
                    </div>
                  ))}
                </dd>
              </>
            )}
            {p.renamed.length > 0 && (
              <>
                <dt>名称将被调整</dt>
                <dd>
                  {p.renamed.map((f, i) => (
                    <div key={i}>{f.message}</div>
                  ))}
                </dd>
              </>
            )}
          </dl>
        </div>
      )}
      <div className="buttons">
        <button disabled={!out} onClick={() => void runExport(out, allowErrors)}>
          导出
        </button>
        <button className="secondary" onClick={() => void verify(out)} disabled={!out}>
          校验
        </button>
        {exported && (
          <button className="secondary" onClick={() => void openPath(exported.dir)}>
            打开文件夹
          </button>
        )}
      </div>
      {report && report.errors > 0 && !p && <p className="hint">目前还有 {report.errors} 个错误。</p>}
      {exported && (
        <p className="ok" role="status">
          {exported.unchanged
            ? '已是最新，没有需要更新的文件。'
            : `已导出 ${exported.files} 个文件(复制 ${exported.copied} 个，沿用 ${exported.reused} 个)。`}
        </p>
      )}
      {verified && (
        <p
          className={verified.changed.length + verified.missing.length + verified.extra.length ? 'error' : 'ok'}
          role="status"
        >
          {verified.changed.length + verified.missing.length + verified.extra.length
            ? `校验不通过：${verified.changed.length} 个已改动，${verified.missing.length} 个缺少，${verified.extra.length} 个多出。`
            : `校验通过：${verified.files} 个文件与 manifest.sha256 一致。`}
        </p>
      )}
      <h3>邮件附件包</h3>
      <p className="hint">
        附表的 Word/Excel 版和盖章扫描件要另发邮件：
        <button className="secondary" onClick={() => go('print')}>
          到“打印与邮件”生成
        </button>
      </p>
    </section>
  );
}
