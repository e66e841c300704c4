// 作品编辑's authors: a row per author (the first is the contact), names offered from the people the catalog knows,
// and what the rules say of these rows while they are typed (the author limit, a first author leading another work).
import type { Person } from '../../shared/api.js';
import type { Author, Catalog, Finding, Work } from '../../shared/model.js';
import { authorCountRules, peopleRules } from '../../shared/rules/people.js';
import type { Profile } from '../../shared/rules/profile.js';
import { domId } from '../focus.js';

export type AuthorRow = Omit<Author, 'personId'>;
export const BLANK_AUTHOR: AuthorRow = { name: '', unit: '', mobile: '', email: '', phone: '' };

/** Rows as the catalog stores them: an empty row (no name) is not an author. */
export const filled = (rows: AuthorRow[]) => rows.filter((a) => a.name.trim() !== '');

/** A row after typing `value` into its field `k`: a known person picked by name brings their unit and contacts. */
export function typed(row: AuthorRow, k: keyof AuthorRow, value: string, people: Person[]): AuthorRow {
  const next = { ...row, [k]: value };
  const same = k === 'name' ? people.filter((p) => p.name === value.trim()) : [];
  if (same.length !== 1 || row.unit) return next;
  return { ...next, unit: same[0]!.unit, mobile: row.mobile || same[0]!.mobile, email: row.email || same[0]!.email };
}

/** What the catalog knows of the person in a row: the works they are in, or that they are new. */
export function knownNote(row: AuthorRow, people: Person[]): string {
  return (
    people
      .filter((p) => p.name === row.name.trim() && p.unit === row.unit.trim())
      .map((p) => `已在 ${p.works} 件作品中${p.firstAuthor ? `(第一作者 ${p.firstAuthor} 件)` : ''}`)
      .join('') || (row.name ? '新作者' : '')
  );
}

/**
 * While typing: the author limit, and a first author who already leads another work — the rules themselves, over
 * the catalog as it would be with these rows: what the check will say.
 */
export function liveAuthorFindings(
  profile: Profile,
  catalog: Pick<Catalog, 'unit' | 'works'>,
  work: Work,
  draft: Pick<Work, 'category' | 'variant'>,
  rows: AuthorRow[],
): Finding[] {
  const key = work.key ?? `id:${work.id}`;
  const mine = {
    ...work,
    category: draft.category,
    variant: draft.variant,
    authors: rows.map((a) => ({ ...a, name: a.name.trim(), unit: a.unit.trim(), personId: 0 })),
  };
  const input = {
    profile,
    catalog: { unit: catalog.unit, works: catalog.works.map((w) => (w.id === work.id ? mine : w)) },
    facts: new Map(),
  };
  return [...authorCountRules(input), ...peopleRules(input)].filter((f) => f.work === key);
}

export function AuthorsTable({
  authors,
  onChange,
  people,
  maxAuthors,
  live,
}: {
  authors: AuthorRow[];
  onChange: (rows: AuthorRow[]) => void;
  people: Person[];
  maxAuthors: number;
  live: Finding[];
}) {
  return (
    <>
      <h3>作者(第一作者为联系人，最多 {maxAuthors} 人)</h3>
      <datalist id="known-people">
        {people.map((p) => (
          <option key={p.id} value={p.name}>
            {p.unit} · {p.works} 件作品
          </option>
        ))}
      </datalist>
      <table id={domId('authors')} className="authors">
        <thead>
          <tr>
            <th>序</th>
            <th>姓名</th>
            <th>所在单位</th>
            <th>手机</th>
            <th>电子邮箱</th>
            <th></th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {authors.map((a, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              {(['name', 'unit', 'mobile', 'email'] as const).map((k) => (
                <td key={k}>
                  <input
                    aria-label={`作者${i + 1}${{ name: '姓名', unit: '所在单位', mobile: '手机', email: '电子邮箱' }[k]}`}
                    list={k === 'name' ? 'known-people' : undefined}
                    value={a[k]}
                    onChange={(e) =>
                      onChange(authors.map((x, j) => (j === i ? typed(a, k, e.target.value, people) : x)))
                    }
                  />
                </td>
              ))}
              <td className="known">{knownNote(a, people)}</td>
              <td className="nowrap">
                <button
                  disabled={i === 0}
                  aria-label={`上移作者${i + 1}`}
                  onClick={() =>
                    onChange(authors.map((x, j) => (j === i - 1 ? authors[i]! : j === i ? authors[i - 1]! : x)))
                  }
                >
                  ↑
                </button>{' '}
                <button aria-label={`删除作者${i + 1}`} onClick={() => onChange(authors.filter((_, j) => j !== i))}>
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {live.map((f, i) => (
        <div key={i} className={`inline-${f.severity}`} aria-label="作者检查">
          {f.message}
        </div>
      ))}
      <div className="buttons">
        <button onClick={() => onChange([...authors, BLANK_AUTHOR])}>添加作者</button>
      </div>
    </>
  );
}
