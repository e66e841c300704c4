// 打印: the forms to print, sign and stamp (附表1-1, 1-2 per work; 1-4 to 1-7; the certificate proof) with a preview, and the e-mail package.
import { lazy, Suspense, useState } from 'react';
import { PathField } from './path-field.js';
import { useRememberedPath } from './remember.js';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from './store.js';

// pdf.js is large: loaded when the first preview is shown, not at start.
const PdfPreview = lazy(() => import('./pdf-preview.js').then((m) => ({ default: m.PdfPreview })));

const joinPath = (dir: string, rel: string) => `${dir}${dir.includes('\\') && !dir.includes('/') ? '\\' : '/'}${rel}`;

export function PrintScreen() {
  const { print, printed, mail, mailed, openPath } = useStore(
    useShallow((s) => ({ print: s.print, printed: s.printed, mail: s.mail, mailed: s.mailed, openPath: s.openPath })),
  );
  const catalogPath = useStore((st) => st.info?.path ?? '');
  const [out, setOut] = useRememberedPath(catalogPath, 'print');
  const [mailOut, setMailOut] = useRememberedPath(catalogPath, 'mail');
  const [shown, setShown] = useState<string | null>(null);
  const current = shown ?? printed?.files[0] ?? null;
  return (
    <section>
      <h2>打印用 PDF</h2>
      <p className="hint">
        每件作品的作品登记表、推荐意见，附表1-4 至
        1-7，以及证书信息核对单(每件作品一页，交作者核对姓名、单位和作品名称后签字)。打印、签字盖章后扫描为
        PDF，再加入为对应的扫描件；这些 PDF 不要上传到云盘。
      </p>
      <label className="row">
        生成到文件夹
        <PathField label="打印文件夹" kind="folder" value={out} onChange={setOut} placeholder="一个空文件夹" />
      </label>
      <div className="buttons">
        <button disabled={!out} onClick={() => void print(out).then(() => setShown(null))}>
          生成打印用 PDF
        </button>
      </div>
      {printed && (
        <>
          <div className="ok" role="status">
            已生成 {printed.files.length} 个 PDF 到 {printed.dir}
          </div>
          <div className="buttons">
            <button className="secondary" onClick={() => void openPath(printed.dir)}>
              打开文件夹
            </button>
            {current && (
              <button className="secondary" onClick={() => void openPath(joinPath(printed.dir, current))}>
                用默认程序打开并打印
              </button>
            )}
          </div>
          <div className="print-layout">
            <ul className="print-list" aria-label="打印文件">
              {printed.files.map((f) => (
                <li key={f} className={f === current ? 'active' : ''}>
                  <button onClick={() => setShown(f)}>{f}</button>
                </li>
              ))}
            </ul>
            {current && (
              <Suspense fallback={<div className="hint">正在载入预览…</div>}>
                <PdfPreview path={joinPath(printed.dir, current)} />
              </Suspense>
            )}
          </div>
        </>
      )}
      <h2>邮件附件包</h2>
      <p className="hint">
        附表1-1、1-2、1-4、1-5、1-6、1-7 的 Word/Excel 版和盖章扫描件，以及写有收件人和主题的 邮件.txt。
      </p>
      <label className="row">
        生成到文件夹
        <PathField label="邮件文件夹" kind="folder" value={mailOut} onChange={setMailOut} placeholder="一个空文件夹" />
      </label>
      <div className="buttons">
        <button disabled={!mailOut} onClick={() => void mail(mailOut)}>
          生成邮件附件
        </button>
      </div>
      {mailed && (
        <div className="ok" role="status">
          收件人：{mailed.to}
          <br />
          主题：{mailed.subject}
          <br />
          {mailed.files.length} 个文件已放在 {mailed.dir}{' '}
          <button className="secondary" onClick={() => void openPath(mailed.dir)}>
            打开文件夹
          </button>
        </div>
      )}
    </section>
  );
}
