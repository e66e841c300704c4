// The province slice (省级汇总, issue 17): open a province folder, add a unit's tree, check across units,
// verify every file again, remove a unit. Works without a unit catalog open: the province office may have none.
import type {
  ProvinceAddResult,
  ProvinceCheckResult,
  ProvinceUnit,
  ProvinceVerifyResult,
  UnitKind,
} from '../province-types.js';
import type { JobKit } from './kit.js';

export interface ProvinceState {
  province: { dir: string; units: ProvinceUnit[] } | null;
  provinceAdded: ProvinceAddResult | null;
  provinceChecked: ProvinceCheckResult | null;
  provinceVerified: ProvinceVerifyResult | null;
  openProvince(dir: string): Promise<void>;
  addProvinceUnit(tree: string, unitName?: string, unitKind?: UnitKind): Promise<void>;
  checkProvince(out?: string): Promise<void>;
  verifyProvince(): Promise<void>;
  removeProvinceUnit(name: string): Promise<void>;
}

export function provinceSlice({ set, get, api, guard, progressed }: JobKit): ProvinceState {
  const list = async (dir: string) => {
    const r = await api().call('province.list', { dir });
    if (!r.ok) return set({ error: r.error.message });
    set({ province: r.value });
  };
  const dir = () => get().province?.dir ?? '';
  return {
    province: null,
    provinceAdded: null,
    provinceChecked: null,
    provinceVerified: null,
    openProvince: (d) =>
      guard('正在读取省级目录…', async () => {
        set({ provinceAdded: null, provinceChecked: null, provinceVerified: null });
        await list(d);
      }),
    addProvinceUnit: (tree, unitName, unitKind) =>
      guard('正在添加单位(记录封存基准、读取作品和表格)…', async (signal) => {
        set({ provinceAdded: null });
        const r = await api().call(
          'province.add',
          { dir: dir(), tree, ...(unitName ? { unitName } : {}), ...(unitKind ? { unitKind } : {}) },
          { signal, onProgress: progressed },
        );
        if (!r.ok) return set({ error: r.error.message });
        set({ provinceAdded: r.value, provinceChecked: null });
        await list(dir());
      }),
    checkProvince: (out) =>
      guard(
        '正在检查全省作品…',
        async (signal) => {
          const r = await api().call(
            'province.check',
            { dir: dir(), ...(out ? { out } : {}) },
            { signal, onProgress: progressed },
          );
          if (!r.ok) return set({ error: r.error.message });
          set({ provinceChecked: r.value });
        },
        'province-check',
      ),
    verifyProvince: () =>
      guard(
        '正在重新读取全部文件核验…',
        async (signal) => {
          const r = await api().call('province.verify', { dir: dir() }, { signal, onProgress: progressed });
          if (!r.ok) return set({ error: r.error.message });
          set({ provinceVerified: r.value });
        },
        'province-verify',
      ),
    removeProvinceUnit: (name) =>
      guard('正在移除单位…', async () => {
        const r = await api().call('province.remove', { dir: dir(), name });
        if (!r.ok) return set({ error: r.error.message });
        set({ notice: `已移除 ${r.value.name}(它的文件夹没有改动)`, provinceChecked: null });
        await list(dir());
      }),
  };
}
