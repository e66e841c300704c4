// The print preview: a generated PDF's pages drawn by pdf.js into canvases, in the window (both transports).
import { useEffect, useRef, useState } from 'react';
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useStore } from './store.js';

GlobalWorkerOptions.workerSrc = workerUrl;

export function PdfPreview({ path }: { path: string }) {
  const api = useStore((s) => s.api)!;
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number } | { error: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    const target = box.current!;
    target.replaceChildren();
    setState(null);
    void (async () => {
      const r = await api.call('print.read', { path });
      if (!r.ok) return setState({ error: r.error.message });
      const bytes = Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0));
      try {
        // No eval (the CSP forbids it), no fetches of fonts or maps: the PDF embeds its fonts.
        const doc = await getDocument({
          data: bytes,
          isEvalSupported: false,
          disableFontFace: false,
          useSystemFonts: false,
        }).promise;
        for (let n = 1; n <= doc.numPages && !cancelled; n += 1) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale: 1.25 });
          const canvas = document.createElement('canvas');
          const ratio = window.devicePixelRatio || 1;
          canvas.width = Math.floor(viewport.width * ratio);
          canvas.height = Math.floor(viewport.height * ratio);
          canvas.style.width = `${Math.floor(viewport.width)}px`;
          canvas.style.height = `${Math.floor(viewport.height)}px`;
          canvas.setAttribute('aria-label', `第 ${n} 页`);
          target.append(canvas);
          await page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined })
            .promise;
        }
        if (!cancelled) setState({ pages: doc.numPages });
        await doc.destroy();
      } catch (e) {
        if (!cancelled) setState({ error: `无法显示 ${path}：${(e as Error).message}` });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [api, path]);
  return (
    <div>
      {state && 'error' in state && <div className="error">{state.error}</div>}
      {state && 'pages' in state && (
        <div className="hint" role="status">
          共 {state.pages} 页
        </div>
      )}
      <div className="pdf-pages" ref={box} aria-label="打印预览" />
    </div>
  );
}
