// The window: a side bar of screens over the one store.
import React, { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore, type Screen } from './store.js';
import { WorksScreen } from './works-screen.js';
import { CheckScreen } from './check-screen.js';
import { ExportScreen } from './export-screen.js';
import { UnitScreen } from './unit-screen.js';
import { EditScreen } from './edit-screen.js';
import { PrintScreen } from './print-screen.js';
import { PathField } from './path-field.js';
import { IntakeScreen } from './intake-screen.js';
import { OverviewScreen } from './overview-screen.js';
import { ProvinceScreen } from './province-screen.js';
import { recentCatalogs } from './remember.js';
import { overallFraction, PHASE_NAMES, phaseFraction } from '../shared/progress.js';

const SCREENS: [Screen, string][] = [
  ['catalog', '目录'],
  ['overview', '报送总览'],
  ['intake', '收件导入'],
  ['unit', '单位信息'],
  ['works', '作品列表'],
  ['edit', '作品编辑'],
  ['check', '检查'],
  ['export', '导出'],
  ['print', '打印与邮件'],
  ['province', '省级汇总'],
];

function CatalogScreen() {
  const { open, importBatch, info } = useStore(
    useShallow((s) => ({ open: s.open, importBatch: s.importBatch, info: s.info })),
  );
  const recent = recentCatalogs();
  const [path, setPath] = useState(info?.path ?? recent[0] ?? '');
  const [batch, setBatch] = useState('');
  return (
    <section>
      <h2>目录文件</h2>
      <p className="hint">报送助手把本单位的作品保存在一个目录文件(.sqlite)中。填写路径后打开，或新建一个。</p>
      <label className="row">
        目录文件路径
        <PathField
          label="目录文件路径"
          kind="save"
          value={path}
          onChange={setPath}
          placeholder="如 D:\报送\沈阳市.sqlite"
        />
      </label>
      <div className="buttons">
        <button onClick={() => void open(path, false)}>打开</button>
        <button onClick={() => void open(path, true)}>新建或打开</button>
      </div>
      {recent.length > 0 && (
        <>
          <h3>最近打开的目录</h3>
          <ul className="plain recent" aria-label="最近打开的目录">
            {recent.map((p) => (
              <li key={p}>
                <button
                  className="link"
                  aria-label={`打开 ${p}`}
                  onClick={() => {
                    setPath(p);
                    void open(p, false);
                  }}
                >
                  {p}
                  {p === info?.path && '(当前)'}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {info && (
        <>
          <h2>导入报送批次</h2>
          <label className="row">
            批次文件(batch.json)
            <PathField label="批次文件" kind="file" value={batch} onChange={setBatch} />
          </label>
          <div className="buttons">
            <button onClick={() => void importBatch(batch)}>导入</button>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * The running job: its phase, one bar across all its phases (never 100 % before the end: shared/progress.ts), the
 * time left of a phase that counts bytes, and a cancel button.
 */
function Busy() {
  const { busy, progress, job, phaseStarted, cancel } = useStore(
    useShallow((s) => ({
      busy: s.busy,
      progress: s.progress,
      job: s.job,
      phaseStarted: s.phaseStarted,
      cancel: s.cancel,
    })),
  );
  const fraction = overallFraction(job, progress);
  const within = progress ? phaseFraction(progress) : null;
  let left = '';
  // Time left only where it can be told: a phase that counts its bytes, well under way.
  if (progress?.totalBytes && within !== null && within > 0.05 && within < 1 && phaseStarted) {
    const s = Math.round(((Date.now() - phaseStarted) / 1000) * ((1 - within) / within));
    left =
      s >= 60
        ? `，${PHASE_NAMES[progress.phase] ?? ''}约剩 ${Math.floor(s / 60)} 分 ${s % 60} 秒`
        : `，${PHASE_NAMES[progress.phase] ?? ''}约剩 ${s} 秒`;
  }
  return (
    <div className="busy" role="status">
      <div className="buttons" style={{ margin: 0 }}>
        <span>
          {busy}
          {progress && PHASE_NAMES[progress.phase] && ` · ${PHASE_NAMES[progress.phase]}`}
          {progress && progress.total > 0 && ` ${progress.done}/${progress.total}`}
          {fraction !== null && ` · ${Math.floor(fraction * 100)}%`}
          {left}
        </span>
        <button className="secondary" onClick={cancel}>
          取消
        </button>
      </div>
      {fraction !== null && (
        <div className="progress" aria-label="进度">
          <div style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
        </div>
      )}
    </div>
  );
}

export function App() {
  const { screen, go, info, busy, error, notice, profile, opening } = useStore(
    useShallow((s) => ({
      screen: s.screen,
      go: s.go,
      info: s.info,
      busy: s.busy,
      error: s.error,
      notice: s.notice,
      profile: s.profile,
      opening: s.opening,
    })),
  );
  const views: Record<Screen, () => React.JSX.Element> = {
    catalog: CatalogScreen,
    overview: OverviewScreen,
    intake: IntakeScreen,
    unit: UnitScreen,
    works: WorksScreen,
    edit: EditScreen,
    check: CheckScreen,
    export: ExportScreen,
    print: PrintScreen,
    province: ProvinceScreen,
  };
  const View = views[screen];
  return (
    <div className="app">
      <nav>
        <h1>报送助手</h1>
        <div className="catalog-name" title={info?.path}>
          {info ? (info.unit ?? '(尚未填写组织单位)') : '未打开目录'}
        </div>
        {SCREENS.map(([id, label]) => (
          <button
            key={id}
            className={id === screen ? 'active' : ''}
            disabled={id !== 'catalog' && id !== 'province' && (!info || opening !== null)}
            onClick={() => go(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      <main>
        {error && (
          <div className="error" role="alert">
            {error}
          </div>
        )}
        {notice && !busy && (
          <div className="notice" role="status">
            {notice}
          </div>
        )}
        {busy && <Busy />}
        {/* Every screen reads the catalog's edition's profile (catalog.profile), loaded when the app starts. */}
        {profile ? <View /> : !error && <p className="hint">正在加载…</p>}
      </main>
    </div>
  );
}
