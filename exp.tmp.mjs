import { Document, Packer, Paragraph, Table, TableRow, TableCell, TextRun, WidthType } from 'docx';
import { createHash } from 'node:crypto';
const make = async () => {
  const doc = new Document({ creator: '报送助手', title: 't', sections: [{ children: [new Paragraph({ children: [new TextRun({ text: '作品登记表', font: { eastAsia: '宋体' } })] }), new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('a')], width: { size: 2000, type: WidthType.DXA } })] })] })] }] });
  return Packer.toBuffer(doc);
};
const a = await make(); await new Promise(r => setTimeout(r, 2100)); const b = await make();
console.log(createHash('sha1').update(a).digest('hex'), createHash('sha1').update(b).digest('hex'), a.length);
import { writeFileSync } from 'node:fs'; writeFileSync('/tmp/a.docx', a);
