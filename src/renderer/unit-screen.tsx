// 单位信息: the 附表1-4 fields and the cloud-drive link and code (附表1-6).
import { useEffect, useState } from 'react';
import type { Unit } from '../shared/model.js';
import { useStore } from './store.js';

const FIELDS: [keyof Unit, string][] = [
  ['contact', '活动联系人'],
  ['department', '负责部门'],
  ['title', '职务'],
  ['mobile', '手机号'],
  ['phone', '座机号'],
  ['qq', 'QQ'],
  ['email', '电子信箱'],
  ['postcode', '邮政编码'],
  ['address', '通信地址'],
  ['cloudLink', '云盘链接地址'],
  ['cloudCode', '访问密码'],
];

export function UnitScreen() {
  const { unit, saveUnit, report } = useStore();
  const [values, setValues] = useState<Partial<Unit>>({});
  useEffect(() => setValues(unit ?? {}), [unit]);
  if (!unit) return <p>目录中还没有组织单位：请先导入报送批次。</p>;
  const unitFindings = (report?.findings ?? []).filter((f) => f.work === undefined && f.rule.startsWith('unit.'));
  return (
    <section>
      <h2>{unit.name}</h2>
      <p className="hint">
        {unit.group === 'k12' ? '中小学校组(含中职)' : '高等学校组'} · 单位类型 {unit.kind}
      </p>
      <div className="form">
        {FIELDS.map(([key, label]) => (
          <label key={key} className="row">
            {label}
            <input aria-label={label} value={String(values[key] ?? '')} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
          </label>
        ))}
      </div>
      <div className="buttons">
        <button onClick={() => void saveUnit(values)}>保存</button>
      </div>
      {unitFindings.length > 0 && (
        <ul className="findings">
          {unitFindings.map((f, i) => (
            <li key={i} className={f.severity}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
