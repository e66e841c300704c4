import { formPdf } from './dist/main/forms/pdf.js';
import { registrationForm } from './dist/main/forms/content.js';
import { liaoning29 } from './dist/shared/rules/liaoning-29.js';
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
const work = { id: 1, key: 'w1', position: 1, category: 'microlecture', stage: 'primary', variant: null, title: '小小的船', subject: '语文', grade: '一年级', share: true, comment: '好'.repeat(120), space: false,
  authors: [{ personId: 1, name: '张强', unit: '沈阳市和平区第一小学', mobile: '13800000001', email: 'z@q.cn', phone: '' }], fields: { 作品特点: '以儿歌导入，动画呈现比喻。' }, scenes: [], checklist: {}, files: [] };
const a = await formPdf(registrationForm(liaoning29, work, new Map()));
const b = await formPdf(registrationForm(liaoning29, work, new Map()));
writeFileSync('/tmp/reg.pdf', a);
console.log(a.length, createHash('sha1').update(a).digest('hex') === createHash('sha1').update(b).digest('hex'));
