// `baosong province` on three small unit trees — one exported by this tool, one exported and tampered with after it
// was added, one hand-made (no manifest) — with planted conflicts across units: the exact findings across units, the
// merged table, a return list per unit, and the freeze audit naming the tampered file.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { microlecture } from '../helpers/batch.js';
import { tempDir, writeZip } from '../helpers/files.js';
import { clipOf } from '../helpers/media.js';
import { baosong, exportedTree as exported } from '../helpers/province.js';

describe('baosong province', () => {
  it('adds three unit trees, checks across them, and audits each against its baseline', async () => {
    const root = join(tempDir(), '省 级');
    const shared = clipOf('lecture.mp4', 'shared');
    const person = (name: string, mobile: string, unit = '沈阳市和平区第一小学') => ({
      authors: [{ name, unit, mobile, email: 'a@q.cn', phone: '' }],
    });
    const shenyang = await exported(
      root,
      '沈阳',
      { name: '沈阳市教育局' },
      [
        microlecture('w1', '张强', person('张强', '13800000001')),
        microlecture('w2', '王芳', person('王芳', '13800000002')),
      ],
      { w1: shared },
    );
    // 张强 (the same unit and mobile) leads a work here too; 王芳's 分数 is sent again.
    const dalian = await exported(root, '大连', { name: '大连市教育局', city: '大连' }, [
      microlecture('w1', '张强', { title: '大连的海', ...person('张强', '13800000001') }),
      microlecture('w2', '王芳', { title: '小小的船w2', ...person('王芳', '13800000002') }),
      microlecture('w3', '陈刚', {
        title: '认识钟表',
        authors: [{ name: '陈刚', unit: '大连市中山区实验小学', mobile: '13900000001', email: 'c@q.cn', phone: '' }],
      }),
    ]);
    // A hand-made tree: another unit's export without its manifest, its first video the same bytes as 沈阳's w1.
    const made = await exported(
      root,
      '师大',
      { name: '辽宁师范大学', kind: 'university', group: 'higher', city: '大连' },
      [
        microlecture('w1', '郑华', {
          stage: 'higher',
          title: '高等数学',
          authors: [{ name: '郑华', unit: '辽宁师范大学', mobile: '13700000001', email: 'z@q.cn', phone: '' }],
        }),
      ],
      { w1: shared },
    );
    rmSync(join(made, 'manifest.sha256'));
    // …and without its 推荐意见 Word forms (sent as scans only): the 质性评语 cannot be read there.
    for (const f of readdirSync(made, { recursive: true }) as string[])
      if (f.endsWith('推荐意见.docx')) rmSync(join(made, f));
    // …and sent as one ZIP of its folder (Chinese names, as a download from a cloud drive packs them).
    const zipped = join(root, '辽宁师范大学.zip');
    const entries: Record<string, Buffer> = {};
    for (const f of readdirSync(made, { recursive: true, withFileTypes: true })) {
      if (f.isFile())
        entries[`辽宁师范大学/${relative(made, join(f.parentPath, f.name)).split(sep).join('/')}`] = readFileSync(
          join(f.parentPath, f.name),
        );
    }
    await writeZip(zipped, entries);

    const province = join(root, '省级 目录');
    const adds: string[] = [];
    for (const [tree, unit, kind] of [
      [shenyang, '沈阳市教育局', 'city-major'],
      [dalian, '大连市教育局', 'city-major'],
      [zipped, '辽宁师范大学', 'university'],
    ] as const) {
      const r = baosong('province', 'add', province, tree, '--unit', unit, '--kind', kind);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain(`已添加 ${unit}`);
      adds.push(r.stdout);
    }
    // The Word forms read: 附表1-4 and 1-6 at the root, 推荐意见 and 作品登记表 in each work's folder.
    expect(adds[0]).toContain('表格：附表1-4 已读取，附表1-6 已读取，推荐意见 2/2 件，作品登记表 2/2 件');
    expect(adds[2]).toContain('推荐意见 0/1 件，作品登记表 1/1 件');
    expect(adds[2]).toContain('从 ZIP 解压到省级目录中读取');
    expect(baosong('province', 'add', province, zipped).stderr).toContain('已经作为“辽宁师范大学”添加过');
    expect(baosong('province', 'add', province, dalian).stderr).toContain('已经作为“大连市教育局”添加过');

    // Tampered after it was added: a form in 大连's tree edited, and its manifest written again would not hide it.
    const tampered = '2微课/3-陈刚-认识钟表/作品登记表.pdf';
    expect(existsSync(join(dalian, tampered))).toBe(true);
    writeFileSync(
      join(dalian, tampered),
      Buffer.concat([readFileSync(join(dalian, tampered)), Buffer.from('%% edited')]),
    );
    // And one in 沈阳's tree that keeps the size and puts the old time back: the journal must not hide it.
    const quiet = '2微课/1-张强-小小的船w1/作品登记表.pdf';
    const was = statSync(join(shenyang, quiet));
    const bytes = readFileSync(join(shenyang, quiet));
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 1;
    writeFileSync(join(shenyang, quiet), bytes);
    utimesSync(join(shenyang, quiet), was.atime, was.mtime);
    expect(Math.round(statSync(join(shenyang, quiet)).mtimeMs)).toBe(Math.round(was.mtimeMs));

    const out = join(root, '输出 文件夹');
    const r = baosong('province', 'check', province, '--out', out);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/大连市教育局：3 件作品，\d+ 项需退回\/补交\/核实\(其中跨单位 \d+ 项\)；封存后有改动/);
    expect(r.stdout).toMatch(/辽宁师范大学：1 件作品.*封存核验一致/);
    const audit = readFileSync(join(out, '封存核验.txt'), 'utf8');
    expect(audit).toContain(`内容被修改(1)：\n  ${tampered}`);
    expect(audit).toContain(`内容被修改(1)：\n  ${quiet}`);
    expect(audit).toContain('与文件夹自己的 manifest.sha256 相比：1 个不符，0 个缺少，0 个不在清单中。');
    expect(audit).toContain('沈阳市教育局：云盘文件夹封存核验');

    // Checked again with nothing changed: the return lists are not rewritten.
    const again = baosong('province', 'check', province, '--out', out);
    expect(again.stdout).toContain('(3 个单位的清单与上次相同，未重写)');

    // verify: every file read again (no journal trusted), against the baseline and each tree's own manifest.
    const v = baosong('province', 'verify', province, '--out', join(root, '核验'));
    expect(v.status, v.stdout + v.stderr).toBe(1);
    expect(v.stdout).toContain('沈阳市教育局：有差异');
    expect(v.stdout).toContain('辽宁师范大学：一致(没有 manifest.sha256，仅与封存基准比较)');
    expect(v.stdout).toMatch(/核验 3 个单位：读取 \d+ 个文件/);
    expect(readFileSync(join(root, '核验', '封存核验.txt'), 'utf8')).toContain(`内容被修改(1)：\n  ${tampered}`);
    expect(readdirSync(join(province, 'units')).filter((f) => f.endsWith('.verify-partial'))).toEqual([]);

    // The findings across units, in each unit's return list.
    const rows = async (unit: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, '退回补交', `${unit}.xlsx`));
      const ws = wb.worksheets[0]!;
      return Array.from({ length: ws.rowCount - 2 }, (_, i) =>
        (ws.getRow(i + 3).values as unknown[]).slice(1).map(String),
      );
    };
    // (A work is named as intake keys it: its folder in the tree, and its title.)
    const across = async (unit: string) =>
      (await rows(unit))
        .filter((r) => r[5]!.startsWith('province.'))
        .map((r) => `${/《(.*)》/.exec(r[2]!)![1]} ${r[5]}`)
        .sort();
    expect(await across('沈阳市教育局')).toEqual([
      '小小的船w1 province.first-author',
      '小小的船w1 province.same-file',
      '小小的船w2 province.first-author',
      '小小的船w2 province.same-work',
    ]);
    expect(await across('大连市教育局')).toEqual([
      '大连的海 province.first-author',
      '小小的船w2 province.first-author',
      '小小的船w2 province.same-work',
    ]);
    expect(await across('辽宁师范大学')).toEqual(['高等数学 province.same-file']);
    // The forms' values reached the rules: complete forms, no finding; a unit without readable 推荐意见 is told so.
    const formRules = /^(unit\.info|unit\.cloud-link|contact\.email|comment\.length)$/;
    expect((await rows('大连市教育局')).map((r) => r[5]).filter((rule) => formRules.test(rule!))).toEqual([]);
    expect((await rows('辽宁师范大学')).map((r) => r[5]).filter((rule) => formRules.test(rule!))).toEqual([]);
    expect(r.stdout).toContain('(辽宁师范大学：没有可读取的 推荐意见(附表1-2) Word 版，依据它们的检查未列入退回清单)');
    expect(existsSync(join(out, '退回补交', '辽宁师范大学.pdf'))).toBe(true);

    // The merged table: every unit's works, the unit in front, 基础教育 before 高等学校.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '作品汇总表(全省).xlsx'));
    const ws = wb.worksheets[0]!;
    const merged = Array.from(
      { length: ws.rowCount - 1 },
      (_, i) => `${ws.getRow(i + 2).getCell(1).value} ${ws.getRow(i + 2).getCell(4).value}`,
    );
    expect(merged).toEqual([
      '沈阳市教育局 小小的船w1',
      '沈阳市教育局 小小的船w2',
      '大连市教育局 大连的海',
      '大连市教育局 小小的船w2',
      '大连市教育局 认识钟表',
      '辽宁师范大学 高等数学',
    ]);
    expect(existsSync(join(out, '各单位报送概况.xlsx'))).toBe(true);
    // Nothing of the units' trees was changed by the province (the tampered file is the test's own doing).
    expect(existsSync(join(made, 'manifest.sha256'))).toBe(false);

    // A unit taken out: its entry and the province's files for it go, its tree stays.
    const before = readdirSync(made, { recursive: true }).length;
    const gone = baosong('province', 'remove', province, '辽宁师范大学');
    expect(gone.status, gone.stderr).toBe(0);
    expect(
      (JSON.parse(readFileSync(join(province, 'province.json'), 'utf8')) as { units: { name: string }[] }).units.map(
        (u) => u.name,
      ),
    ).toEqual(['沈阳市教育局', '大连市教育局']);
    // (its unpacked ZIP, units/3.tree, included)
    expect(readdirSync(join(province, 'units')).filter((f) => f.startsWith('3.'))).toEqual([]);
    expect(readdirSync(made, { recursive: true }).length).toBe(before);
    expect(baosong('province', 'remove', province, '辽宁师范大学').stderr).toContain(
      '没有单位“辽宁师范大学”(有：沈阳市教育局、大连市教育局)',
    );
  }, 300_000);
});
