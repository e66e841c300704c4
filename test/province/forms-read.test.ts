// Reading units' Word forms back: this tool's own (through the province CLI test) and hand-filled copies of the
// official template — other label spellings, a ■ for the tick, the 评语 typed after its label in one paragraph.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import {
  cloudForm,
  docxRows,
  fillFromForms,
  recommendationForm,
  registrationForm,
  unitForm,
} from '../../src/main/province/forms-read.js';
import { tempDir } from '../helpers/files.js';

const cell = (...paras: string[]) =>
  new TableCell({ children: paras.map((p) => new Paragraph({ children: [new TextRun(p)] })) });
async function docx(path: string, rows: string[][][]): Promise<string> {
  const table = new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => cell(...c)) })) });
  const doc = new Document({ sections: [{ children: [new Paragraph('附表1-4'), table] }] });
  writeFileSync(path, await Packer.toBuffer(doc));
  return path;
}

describe('Word forms read back', () => {
  it('a hand-filled 附表1-4, 1-6, 1-2 and 1-1', async () => {
    const dir = tempDir();
    const f14 = await docx(join(dir, '附表1-4 组织单位及联系人信息表(大连).docx'), [
      [['组织单位名称：'], ['大连市教育局']],
      [['活动联系人'], ['李 明']],
      [['组  别'], ['□中小学校组(含中职)  ■高等学校组'], ['负责部门'], ['电教馆']],
      [['手机号'], ['13900000000'], ['职务'], ['科长']],
      [['电子信箱'], [' li@dl.edu.cn '], ['邮政编码'], ['116000']],
      [['通信地址'], ['大连市西岗区 1 号 A&B 座']],
    ]);
    expect(unitForm((await docxRows(f14))!)).toEqual({
      name: '大连市教育局',
      group: 'higher',
      contact: '李 明',
      department: '电教馆',
      mobile: '13900000000',
      title: '科长',
      phone: '',
      qq: '',
      email: 'li@dl.edu.cn',
      postcode: '116000',
      address: '大连市西岗区 1 号 A&B 座',
    });
    const f16 = await docx(join(dir, '云盘报送要求.docx'), [
      [['云盘链接地址'], ['https://pan.baidu.com/s/1abc (分享链接地址，不要云盘的用户名和密码)']],
      [['访问密码'], ['x7k2']],
    ]);
    expect(cloudForm((await docxRows(f16))!)).toEqual({ cloudLink: 'https://pan.baidu.com/s/1abc', cloudCode: 'x7k2' });
    const f12 = await docx(join(dir, '推荐意见.docx'), [
      [['作品名称'], ['认识钟表']],
      [['质性评语：(不少于100字)本作品以生活情境导入，', '层次清楚。']],
    ]);
    expect(recommendationForm((await docxRows(f12))!)).toEqual({
      title: '认识钟表',
      comment: '本作品以生活情境导入，\n层次清楚。',
    });
    const f11 = await docx(join(dir, '作品登记表.docx'), [
      [['作品名称', '(请勿使用《》)'], ['认识钟表']],
      [['联系信息  姓名'], ['陈刚'], ['手机'], ['13900000001']],
      [['固定电话'], [''], ['电子邮箱'], ['c@q.cn']],
    ]);
    expect(registrationForm((await docxRows(f11))!)).toEqual({
      title: '认识钟表',
      email: 'c@q.cn',
      mobile: '13900000001',
      phone: '',
    });
  });

  it('fills only what the plan leaves empty, and counts what it read', async () => {
    const tree = tempDir();
    await docx(join(tree, '组织单位及联系人信息表.docx'), [
      [['组织单位名称'], ['某大学']],
      [['活动联系人'], ['王五']],
      [['电子信箱'], ['w@u.cn']],
    ]);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(tree, '2微课', '1-陈刚-认识钟表'), { recursive: true });
    await docx(join(tree, '2微课', '1-陈刚-认识钟表', '推荐意见.docx'), [[['质性评语：', '评语正文。']]]);
    const plan = {
      unit: { name: '某大学', kind: 'university', group: 'higher', contact: '已有联系人' } as Record<string, unknown>,
      works: [
        {
          key: '2微课/1-陈刚-认识钟表',
          title: '认识钟表',
          comment: '',
          authors: [{ name: '陈刚', mobile: '', email: '', phone: '' }],
          files: [],
        },
      ],
    };
    const read = await fillFromForms(tree, plan);
    expect(read).toEqual({ unit: true, cloud: false, comments: 1, registrations: 0, works: 1 });
    expect(plan.unit).toMatchObject({ contact: '已有联系人', email: 'w@u.cn' });
    expect(plan.works[0]!.comment).toBe('评语正文。');
    // Not a .docx (an old .doc, a renamed scan): nothing read, nothing thrown.
    writeFileSync(join(tree, '云盘报送要求.docx'), 'not a zip');
    expect((await fillFromForms(tree, plan)).cloud).toBe(false);
  });
});
