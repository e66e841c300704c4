// Before a 作品汇总表.xlsx is read whole (exceljs keeps every cell in memory), its size is checked from the archive
// itself: each worksheet's XML streamed and its rows counted, stopping at the limit. A table of 10,000 rows is
// already no unit's summary; a million rows (or a bomb of a sheet) is refused in well under a second, never read.
import { BaosongError } from '../../shared/errors.js';
import { yauzl } from '../lazy.js';

export const SUMMARY_LIMITS = { rows: 10_000, sheetBytes: 64 * 1024 * 1024 } as const;

/** Refuses a workbook whose sheets are past the limits; says nothing of a file that is no ZIP (the reader says that). */
export async function guardWorkbook(file: string): Promise<void> {
  const lib = await yauzl();
  const problem = await new Promise<string | null>((resolve) => {
    lib.open(file, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return resolve(null);
      const done = (p: string | null) => {
        zip.close();
        resolve(p);
      };
      zip.on('entry', (entry: { fileName: string; uncompressedSize: number }) => {
        const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.fileName);
        const strings = /^xl\/sharedStrings\.xml$/i.test(entry.fileName);
        if (!sheet && !strings) return zip.readEntry();
        if (entry.uncompressedSize > SUMMARY_LIMITS.sheetBytes)
          return done(`其中的 ${entry.fileName} 解压后超过 ${SUMMARY_LIMITS.sheetBytes / 1024 / 1024} MB`);
        if (!sheet) return zip.readEntry();
        zip.openReadStream(entry as never, (e, stream) => {
          if (e || !stream) return done(null);
          let rows = 0;
          let tail = '';
          stream.on('data', (chunk: Buffer) => {
            const text = tail + chunk.toString('latin1');
            for (let at = text.indexOf('<row'); at >= 0; at = text.indexOf('<row', at + 4)) {
              const next = text[at + 4];
              if (next === ' ' || next === '>' || next === '/' || next === '\t' || next === '\n' || next === '\r')
                rows += 1;
            }
            tail = text.slice(-4);
            if (rows > SUMMARY_LIMITS.rows) {
              stream.destroy();
              done(`一个工作表中超过 ${SUMMARY_LIMITS.rows} 行`);
            }
          });
          stream.on('end', () => zip.readEntry());
          stream.on('error', () => done(null));
        });
      });
      zip.on('end', () => resolve(null));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    });
  });
  if (problem)
    throw new BaosongError(
      'bad-input',
      `作品汇总表 ${file} ${problem}：这不像单位的作品汇总表，没有读取(请确认选对了文件，或删去多余的行后另存)`,
    );
}
