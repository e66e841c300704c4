// The category and stage pickers every screen shares: a work's (作品编辑, the intake preview's editor) and the
// lists' category filter (作品列表, 检查).
import type { CategoryId, Stage } from '../shared/model.js';
import { CATEGORIES, STAGES } from '../shared/model.js';
import { useProfile } from './store.js';

export function CategorySelect({
  value,
  onChange,
  id,
}: {
  value: CategoryId;
  onChange: (v: CategoryId) => void;
  id?: string;
}) {
  const profile = useProfile();
  return (
    <select id={id} aria-label="类别" value={value} onChange={(e) => onChange(e.target.value as CategoryId)}>
      {CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {profile.categories[c].name}
        </option>
      ))}
    </select>
  );
}

export function StageSelect({ value, onChange, id }: { value: Stage; onChange: (v: Stage) => void; id?: string }) {
  const profile = useProfile();
  return (
    <select id={id} aria-label="学段" value={value} onChange={(e) => onChange(e.target.value as Stage)}>
      {STAGES.map((s) => (
        <option key={s} value={s}>
          {profile.stages[s]}
        </option>
      ))}
    </select>
  );
}

/** The category filter of the works list and of 检查. */
export function CategoryFilter({
  value,
  onChange,
}: {
  value: CategoryId | '';
  onChange: (v: CategoryId | '') => void;
}) {
  const profile = useProfile();
  return (
    <select aria-label="按类别筛选" value={value} onChange={(e) => onChange(e.target.value as CategoryId | '')}>
      <option value="">全部类别</option>
      {Object.values(profile.categories).map(({ id, name }) => (
        <option key={id} value={id}>
          {name}
        </option>
      ))}
    </select>
  );
}
