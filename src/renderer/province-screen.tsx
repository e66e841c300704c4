// 省级汇总: the province office's screen (issue 17) — a folder of every unit's cloud tree: add units, check across
// them, the outputs (全省作品汇总表, 各单位报送概况, a return list per unit, 封存核验) and the full re-verification.
import { useState } from 'react';
import { PathField } from './path-field.js';
import type { UnitKind } from './province-types.js';
import { useShallow } from 'zustand/react/shallow';
import { useProfile, useStore } from './store.js';

const day = (iso: string) => iso.slice(0, 10);

function AddUnit() {
  const profile = useProfile();
  const { addProvinceUnit, provinceAdded } = useStore(
    useShallow((s) => ({ addProvinceUnit: s.addProvinceUnit, provinceAdded: s.provinceAdded })),
  );
  const [tree, setTree] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind | ''>('');
  const f = provinceAdded?.forms;
  return (
    <>
      <h3>添加单位</h3>
      <p className="hint">
        选择一个单位从云盘下载的文件夹(本工具导出的，或单位自己整理的)；下载成一个 ZIP 的，填写 ZIP
        的路径。名称和组别先按它的附表1-4 读取，可在这里改。
      </p>
      <label className="row">
        单位文件夹
        <PathField
          label="单位文件夹"
          kind="folder"
          value={tree}
          onChange={setTree}
          placeholder="如 D:\省级汇总\下载\大连市教育局"
        />
      </label>
      <label className="row">
        单位名称(可不填)
        <input
          aria-label="单位名称"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          placeholder="按附表1-4 读取"
        />
      </label>
      <label className="row">
        单位类型(可不填)
        <select aria-label="单位类型" value={kind} onChange={(e) => setKind(e.target.value as UnitKind | '')}>
          <option value="">按名称判断</option>
          {Object.entries(profile.unitKinds).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className="buttons">
        <button
          disabled={!tree.trim()}
          onClick={async () => {
            await addProvinceUnit(tree.trim(), name.trim() || undefined, kind || undefined);
            // Added: the fields are cleared for the next unit (on a failure they stay, to correct).
            if (useStore.getState().provinceAdded) {
              setTree('');
              setName('');
              setKind('');
            }
          }}
        >
          添加
        </button>
      </div>
      {provinceAdded && f && (
        <p className="ok" role="status">
          已添加 {provinceAdded.name}({provinceAdded.kindName}；名称：{provinceAdded.nameFrom})：{provinceAdded.works}{' '}
          件作品，封存基准 {provinceAdded.files} 个文件。表格：
          {f.unit ? '附表1-4 已读取' : '附表1-4 未找到 Word 版'}，
          {f.cloud ? '附表1-6 已读取' : '附表1-6 未找到 Word 版'}，推荐意见 {f.comments}/{f.works} 件，作品登记表{' '}
          {f.registrations}/{f.works} 件。 名称或类型不对时，移除后重新添加。
        </p>
      )}
    </>
  );
}

function Results() {
  const {
    provinceChecked: c,
    provinceVerified: v,
    openPath,
  } = useStore(
    useShallow((s) => ({
      provinceChecked: s.provinceChecked,
      provinceVerified: s.provinceVerified,
      openPath: s.openPath,
    })),
  );
  return (
    <>
      {c && (
        <div aria-label="全省检查结果">
          <table>
            <thead>
              <tr>
                <th>单位</th>
                <th>作品</th>
                <th>退回/补交/核实</th>
                <th>其中跨单位</th>
                <th>封存核验</th>
              </tr>
            </thead>
            <tbody>
              {c.units.map((u) => (
                <tr key={u.name}>
                  <td>{u.name}</td>
                  <td>{u.works}</td>
                  <td className={u.errors ? 'inline-error' : ''}>{u.items}</td>
                  <td>{u.across || ''}</td>
                  <td className={u.intact ? '' : 'inline-error'}>{u.intact ? '一致' : '封存后有改动'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {c.over.length > 0 && <p className="inline-warning">超额：{c.over.join('；')}</p>}
          {c.notes.map((n) => (
            <p key={n} className="hint">
              {n}
            </p>
          ))}
          <p className="ok" role="status">
            已生成：作品汇总表(全省).xlsx、各单位报送概况.xlsx、退回补交/(每个单位一份 Excel 和 PDF)、封存核验.txt
            {c.written < c.units.length && `(${c.units.length - c.written} 个单位的清单与上次相同，未重写)`}{' '}
            <button className="secondary" onClick={() => void openPath(c.out)}>
              打开输出文件夹
            </button>
          </p>
        </div>
      )}
      {v && (
        <p className={v.units.some((u) => !u.intact) ? 'error' : 'ok'} role="status">
          重新核验 {v.units.length} 个单位：读取 {v.files} 个文件，{v.seconds.toFixed(1)} 秒；
          {v.units.some((u) => !u.intact)
            ? `有差异：${v.units
                .filter((u) => !u.intact)
                .map((u) => u.name)
                .join('、')}(见 封存核验.txt)`
            : '全部与封存基准一致'}
        </p>
      )}
    </>
  );
}

export function ProvinceScreen() {
  const profile = useProfile();
  const { province, openProvince, checkProvince, verifyProvince, removeProvinceUnit } = useStore(
    useShallow((s) => ({
      province: s.province,
      openProvince: s.openProvince,
      checkProvince: s.checkProvince,
      verifyProvince: s.verifyProvince,
      removeProvinceUnit: s.removeProvinceUnit,
    })),
  );
  const [dir, setDir] = useState(province?.dir ?? '');
  const [out, setOut] = useState('');
  return (
    <section>
      <h2>省级汇总</h2>
      <p className="hint">
        省里收齐各单位的云盘文件夹后：逐个添加，然后“全省检查”——每个单位按同样的规则检查，再跨单位核对(同一第一作者、参与超过两件、同一作品或文件、手机号对应不同姓名)，并核验文件夹自添加以来是否被改动。
      </p>
      <label className="row">
        省级目录
        <PathField
          label="省级目录"
          kind="folder"
          value={dir}
          onChange={setDir}
          placeholder="一个空文件夹，或以前用过的省级目录"
        />
      </label>
      <div className="buttons">
        <button disabled={!dir.trim()} onClick={() => void openProvince(dir.trim())}>
          打开
        </button>
      </div>
      {province && (
        <>
          <h3>已添加的单位({province.units.length})</h3>
          {province.units.length === 0 ? (
            <p className="hint">还没有单位。</p>
          ) : (
            <table aria-label="已添加的单位">
              <thead>
                <tr>
                  <th>单位</th>
                  <th>类型</th>
                  <th>文件夹</th>
                  <th>表格</th>
                  <th>添加日期</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {province.units.map((u) => (
                  <tr key={u.name}>
                    <td>{u.name}</td>
                    <td>{profile.unitKinds[u.kind]}</td>
                    <td className="path" title={u.tree}>
                      {u.tree}
                    </td>
                    <td>
                      {u.forms
                        ? `${u.forms.unit ? '1-4 ✓' : '1-4 ✗'} ${u.forms.cloud ? '1-6 ✓' : '1-6 ✗'} 评语 ${u.forms.comments}/${u.forms.works}`
                        : '未读取'}
                    </td>
                    <td>{day(u.addedAt)}</td>
                    <td>
                      <button
                        className="secondary"
                        aria-label={`移除 ${u.name}`}
                        onClick={() => void removeProvinceUnit(u.name)}
                      >
                        移除
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <AddUnit />
          <h3>全省检查</h3>
          <label className="row">
            输出文件夹(可不填)
            <PathField
              label="输出文件夹"
              kind="folder"
              value={out}
              onChange={setOut}
              placeholder="默认为省级目录中的“输出”"
            />
          </label>
          <div className="buttons">
            <button disabled={!province.units.length} onClick={() => void checkProvince(out.trim() || undefined)}>
              全省检查
            </button>
            <button className="secondary" disabled={!province.units.length} onClick={() => void verifyProvince()}>
              重新读取全部文件核验
            </button>
          </div>
          <Results />
        </>
      )}
    </section>
  );
}
