// zip.* and pdf.encrypted: what reviewers will meet when they open an archive or a PDF.
import type { Finding } from '../model.js';
import { fileFinding, type RuleInput } from './finding.js';
import { fmt, type RuleDescriptor } from './descriptor.js';

const list = (names: string[], count: number) => `${names.slice(0, 5).join('、')}${count > 5 ? ` 等 ${count} 个` : ''}`;

export function zipAndPdfRules({ profile, catalog, facts }: RuleInput): Finding[] {
  const out: Finding[] = [];
  const limit = profile.limits.zip;
  for (const work of catalog.works) {
    for (const file of work.files) {
      const f = facts.get(file.absPath);
      if (!f?.exists || f.corrupt) continue;
      const z = f.zip;
      if (z) {
        if (z.encryptedCount) {
          out.push(
            fileFinding(
              profile,
              'zip.encrypted',
              work,
              file,
              `压缩包中有 ${z.encryptedCount} 个文件设置了密码，评审专家无法打开：${list(z.encrypted, z.encryptedCount)}`,
              { expected: '无密码', actual: `${z.encryptedCount} 个加密文件` },
            ),
          );
        }
        if (z.legacyCount) {
          out.push(
            fileFinding(
              profile,
              'zip.legacy-names',
              work,
              file,
              `压缩包中 ${z.legacyCount} 个文件名不是 UTF-8 编码(按 GBK 解读为：${list(z.legacyNames, z.legacyCount)})，在其他电脑上可能显示为乱码：建议重新打包为 UTF-8`,
              { expected: 'UTF-8 文件名', actual: `${z.legacyCount} 个旧编码文件名` },
            ),
          );
        }
        if (z.unsafeCount) {
          out.push(
            fileFinding(
              profile,
              'zip.unsafe-path',
              work,
              file,
              `压缩包中有不安全的路径(含“..”、绝对路径或盘符)：${list(z.unsafePaths, z.unsafeCount)}`,
              { expected: '相对路径', actual: list(z.unsafePaths, z.unsafeCount) },
            ),
          );
        }
        if (
          z.compressedBytes > 0 &&
          z.uncompressedBytes >= limit.minUncompressedBytes &&
          z.uncompressedBytes / z.compressedBytes >= limit.ratio
        ) {
          const ratio = Math.round(z.uncompressedBytes / z.compressedBytes);
          out.push(
            fileFinding(
              profile,
              'zip.ratio',
              work,
              file,
              `压缩比异常：解压后 ${(z.uncompressedBytes / 1e9).toFixed(1)} GB，是压缩包的 ${ratio} 倍`,
              { expected: `< ${limit.ratio} 倍`, actual: `${ratio} 倍` },
            ),
          );
        }
      }
      if (f.pdf?.encrypted) {
        out.push(
          fileFinding(
            profile,
            'pdf.encrypted',
            work,
            file,
            'PDF 已加密(即使能直接打开，也可能无法打印或被评审系统拒绝)：请另存为未加密的 PDF',
            { expected: '未加密', actual: '已加密' },
          ),
        );
      }
    }
  }
  return out;
}

/** The zip rules: what each is (src/shared/rules/descriptor.ts). */
export const ZIP_DESCRIPTORS = {
  'zip.encrypted': {
    severity: 'warning',
    checks: 'a password-protected ZIP entry',
    source: 'tool',
  },
  'zip.legacy-names': {
    severity: 'warning',
    checks: 'ZIP entry names not in UTF-8 (GBK, Shift-JIS…)',
    source: 'tool',
  },
  'zip.unsafe-path': {
    severity: 'error',
    checks: 'a ZIP entry with .., an absolute path or a drive letter',
    source: 'tool',
  },
  'zip.ratio': {
    severity: 'warning',
    checks: 'an archive that unpacks to far more than its size',
    source: 'tool',
    threshold: (p) => `≥ ${p.limits.zip.ratio}× and ≥ ${fmt.mb(p.limits.zip.minUncompressedBytes)} unpacked`,
  },
  'pdf.encrypted': {
    severity: 'warning',
    checks: 'a PDF with an encryption dictionary',
    source: 'tool',
  },
} as const satisfies Record<string, RuleDescriptor>;
