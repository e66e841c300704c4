// 打印: the forms to print, sign and stamp (附表1-1, 1-2 per work; 1-4 to 1-7), and the e-mail package.
import { useState } from 'react';
import { useStore } from './store.js';

export function PrintScreen() {
  const { print, printed, mail, mailed } = useStore();
  const [out, setOut] = useState('');
  const [mailOut, setMailOut] = useState('');
  return (
    <section>
      <h2>打印用 PDF</h2>
      <p className="hint">每件作品的作品登记表、推荐意见，以及附表1-4 至 1-7。打印、签字盖章后扫描为 PDF，再加入为对应的扫描件；这些 PDF 不要上传到云盘。</p>
      <label className="row">
        生成到文件夹
        <input aria-label="打印文件夹" value={out} onChange={(e) => setOut(e.target.value)} placeholder="一个空文件夹" />
      </label>
      <div className="buttons">
        <button disabled={!out} onClick={() => void print(out)}>
          生成打印用 PDF
        </button>
      </div>
      {printed && (
        <div className="ok" role="status">
          已生成 {printed.files.length} 个 PDF 到 {printed.dir}
          <ul className="plain">
            {printed.files.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
      <h2>邮件附件包</h2>
      <p className="hint">附表1-1、1-2、1-4、1-5、1-6、1-7 的 Word/Excel 版和盖章扫描件，以及写有收件人和主题的 邮件.txt。</p>
      <label className="row">
        生成到文件夹
        <input aria-label="邮件文件夹" value={mailOut} onChange={(e) => setMailOut(e.target.value)} placeholder="一个空文件夹" />
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
          {mailed.files.length} 个文件已放在 {mailed.dir}
        </div>
      )}
    </section>
  );
}
