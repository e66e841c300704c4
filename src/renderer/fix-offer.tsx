// 修复 beside a finding: what the fix will do (and will not) is shown before it runs; where no fix exists, what the
// teacher must do instead. The offers come from the same check (fix.offers), read again whenever the report changes.
import { useEffect, useState } from 'react';
import type { FixOffer } from '../shared/api.js';
import type { Finding } from '../shared/model.js';
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
  return (f) => (f.file ? offers.find((o) => o.work === f.work && o.path === f.file && o.rules.includes(f.rule)) : undefined);
}

export function FixControl({ offer, label }: { offer: FixOffer; label: string }) {
  const fix = useStore((st) => st.fix);
  const busy = useStore((st) => st.busy);
  const [asking, setAsking] = useState(false);
  if (!offer.kind) return <div className="fix-none">无法自动修复：{offer.text}</div>;
  const kind = offer.kind;
  return (
    <>
      {!asking && (
        <button className="secondary small" aria-label={`修复 ${label}`} disabled={!!busy} onClick={() => setAsking(true)}>
          修复
        </button>
      )}
      {asking && (
        <div className="fix-ask" role="group" aria-label="修复说明">
          <div>将{offer.text}。修复结果另存在目录的工作文件夹中，源文件不会改动，可随时还原。</div>
          {offer.wont && <div className="hint">不会：{offer.wont}</div>}
          <button
            className="small"
            disabled={!!busy}
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
