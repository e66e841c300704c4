// 修复 beside a finding: what the fix will do (and will not) is shown before it runs; where no fix exists, what the
// teacher must do instead. The offers come from the same check (fix.offers), read again whenever the report changes.
import { useEffect, useState } from 'react';
import type { CardPreview, FixOffer } from '../shared/api.js';
import { workLabel, type Finding } from '../shared/model.js';
import { useStore } from './store.js';

/** The offers of the current report, keyed by work, file and rule. */
export function useFixOffers(): (f: Finding) => FixOffer | undefined {
  const api = useStore((st) => st.api);
  const report = useStore((st) => st.report);
  const [offers, setOffers] = useState<FixOffer[]>([]);
  useEffect(() => {
    if (!api || !report) return;
    let live = true;
    void api.call('fix.offers', {}).then((r) => {
      if (live && r.ok) setOffers(r.value);
    });
    return () => {
      live = false;
    };
  }, [api, report]);
  return (f) =>
    f.file ? offers.find((o) => o.work === f.work && o.path === f.file && o.rules.includes(f.rule)) : undefined;
}

/**
 * The title card as it will be made (fix.preview), before it is; where the work lacks 教材版本 (and 学期), asked
 * for here and saved to the work, and the preview made again. `onReady` says whether the card can be made.
 */
function TitleCardPreview({ offer, onReady }: { offer: FixOffer; onReady: (ready: boolean) => void }) {
  const api = useStore((st) => st.api);
  const work = useStore((st) => st.works.find((w) => workLabel(w) === offer.work));
  const updateWork = useStore((st) => st.updateWork);
  const edit = useStore((st) => st.edit);
  const [preview, setPreview] = useState<CardPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [edition, setEdition] = useState('');
  const [term, setTerm] = useState('');
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!api) return;
    let live = true;
    void api.call('fix.preview', { file: offer.fileId }).then((r) => {
      if (!live) return;
      setPreview(r.ok ? r.value : null);
      setError(r.ok ? null : r.error.message);
      onReady(r.ok && r.value.missing.length === 0);
    });
    return () => {
      live = false;
    };
    // (onReady is the parent's state setter: stable.)
  }, [api, offer.fileId, round, work?.fields, onReady]);
  if (error) return <div className="error">{error}</div>;
  if (!preview) return <div className="hint">正在生成片头预览…</div>;
  const needsEdition = preview.missing.includes('教材版本');
  const others = preview.missing.filter((m) => m !== '教材版本');
  return (
    <div className="card-preview">
      <img src={preview.image} alt="片头预览" width={Math.min(480, preview.width)} />
      <div className="hint">
        片头预览({preview.width}×{preview.height}，5 秒，{preview.font}
        {preview.fallback ? '；个别字本机楷体没有，用黑体补' : ''})
      </div>
      {needsEdition && work && (
        <form
          className="card-ask"
          onSubmit={(e) => {
            e.preventDefault();
            if (!edition.trim()) return;
            void updateWork(work.id, {
              fields: { ...work.fields, 教材版本: edition.trim(), ...(term.trim() ? { 学期: term.trim() } : {}) },
            }).then((err) => {
              if (err) setError(err);
              else setRound((n) => n + 1);
            });
          }}
        >
          <div>片头需要教材版本，作品信息中还没有填写：</div>
          <label>
            教材版本{' '}
            <input
              aria-label="教材版本"
              value={edition}
              maxLength={30}
              placeholder="例如：人教版"
              onChange={(e) => setEdition(e.target.value)}
            />
          </label>{' '}
          <label>
            学期{' '}
            <input
              aria-label="学期"
              value={term}
              maxLength={10}
              placeholder="例如：上册(可不填)"
              onChange={(e) => setTerm(e.target.value)}
            />
          </label>{' '}
          <button className="small" type="submit" disabled={!edition.trim()}>
            保存到作品信息
          </button>
        </form>
      )}
      {others.length > 0 && work && (
        <div className="error">
          片头还缺少{others.join('、')}：请先在{' '}
          <button className="link" onClick={() => edit(work.id)}>
            作品信息
          </button>{' '}
          中填写
        </div>
      )}
    </div>
  );
}

export function FixControl({ offer, label }: { offer: FixOffer; label: string }) {
  const fix = useStore((st) => st.fix);
  const busy = useStore((st) => st.busy);
  const [asking, setAsking] = useState(false);
  const [ready, setReady] = useState(offer.kind !== 'title-card');
  if (!offer.kind) return <div className="fix-none">无法自动修复：{offer.text}</div>;
  const kind = offer.kind;
  return (
    <>
      {!asking && (
        <button
          className="secondary small"
          aria-label={`修复 ${label}`}
          disabled={!!busy}
          onClick={() => setAsking(true)}
        >
          修复
        </button>
      )}
      {asking && (
        <div className="fix-ask" role="group" aria-label="修复说明">
          <div>将{offer.text}。修复结果另存在目录的工作文件夹中，源文件不会改动，可随时还原。</div>
          {offer.wont && <div className="hint">不会：{offer.wont}</div>}
          {kind === 'title-card' && <TitleCardPreview offer={offer} onReady={setReady} />}
          <button
            className="small"
            disabled={!!busy || !ready}
            onClick={() => {
              setAsking(false);
              void fix(offer.fileId, kind);
            }}
          >
            确定修复
          </button>{' '}
          <button className="secondary small" onClick={() => setAsking(false)}>
            取消
          </button>
        </div>
      )}
    </>
  );
}
