/**
 * The add-in's column choice for an imported familiar table: a short form listing the column the
 * importer used for each role (found by label, by content, or given), each changeable, like
 * `thidua import --columns`. The model (choices, mapping) is pure and tested under node; the form is a
 * few elements built with the task pane's DOM helpers. Applying it re-runs the import with the mapping,
 * which is then saved with the criteria set like the CLI's.
 */
import { cellText, columnLetter, columnNumber, type Grid } from '../../engine/core/grid';
import type { CriteriaSet } from '../../engine/core/model';
import { columnRoles } from '../../engine/core/familiar/roles';
import type { ColumnMapping, TableColumns } from '../../engine/core/familiar/table';
import type { ColumnRole } from '../../engine/core/familiar/vocabulary';
import type { Bilingual, Lang } from '../../engine/core/i18n';
import { h } from '../taskpane/dom';

export interface ColumnChoice {
  role: ColumnRole;
  /** Role name in both languages. */
  name: Bilingual;
  /** Column letter used now ('' when the role has no column). */
  letter: string;
  how: string;
  /** Every column of the header row: letter and header text. */
  options: Array<{ letter: string; label: string }>;
}

/** The choices the form shows, from the set's saved layout and the sheet's header row. */
export function columnChoices(def: CriteriaSet, grid: Grid): ColumnChoice[] {
  const layout = def.familiarLayout ?? {};
  const header = layout.headerRow ?? 1;
  const options: ColumnChoice['options'] = [];
  for (let c = 1; c <= Math.min(grid.colCount, 60); c++) {
    if (grid.hiddenCols?.has(c)) continue;
    options.push({ letter: columnLetter(c), label: cellText(grid.cell(header, c)) });
  }
  return columnRoles().map((p) => ({
    role: p.role,
    name: p.name,
    letter: layout.columns?.[p.role] ?? '',
    how: layout.found?.[p.role] ?? '',
    options,
  }));
}

/** The mapping the form's values give (a role left empty is not given: the importer may guess it). */
export function mappingFromChoices(values: Partial<Record<ColumnRole, string>>, headerRow?: number): ColumnMapping {
  const columns: TableColumns = {};
  for (const [role, letter] of Object.entries(values)) if (letter && /^[A-Z]{1,3}$/.test(letter)) columns[role as ColumnRole] = columnNumber(letter);
  return { columns, ...(headerRow ? { headerRow } : {}) };
}

/** The form's words, in the pane's language. */
const WORDS: Record<string, Bilingual> = {
  apply: { vi: 'Nhập lại theo các cột này', en: 'Re-import with these columns' },
  used: { vi: 'Các cột đã dùng (chọn lại nếu sai)', en: 'Columns used (change any that is wrong)' },
  label: { vi: 'theo tiêu đề', en: 'by its header' },
  content: { vi: 'theo nội dung', en: 'by its content' },
  given: { vi: 'đã chỉ định', en: 'given' },
};

/** The form: one select per role, and a button that applies the mapping. */
export function renderColumnForm(choices: ColumnChoice[], headerRow: number | undefined, onApply: (m: ColumnMapping) => void, lang: Lang = 'vi'): HTMLElement {
  const selects = new Map<ColumnRole, HTMLSelectElement>();
  const rows = choices.map((c) => {
    const select = h(
      'select',
      { id: `column-${c.role}`, 'aria-label': c.name[lang] },
      h('option', { value: '' }, '—'),
      ...c.options.map((o) => h('option', { value: o.letter, selected: o.letter === c.letter }, `${o.letter}${o.label ? `: ${o.label.slice(0, 40)}` : ''}`)),
    );
    selects.set(c.role, select);
    return h('tr', {}, h('th', { scope: 'row' }, c.name[lang]), h('td', {}, select), h('td', { className: 'how', 'data-how': c.how }, WORDS[c.how]?.[lang] ?? ''));
  });
  const apply = h('button', { type: 'button', id: 'columns-apply' }, WORDS.apply[lang]);
  apply.addEventListener('click', () => {
    const values: Partial<Record<ColumnRole, string>> = {};
    for (const [role, s] of selects) values[role] = s.value;
    onApply(mappingFromChoices(values, headerRow));
  });
  return h(
    'details',
    { className: 'panel', id: 'column-form' },
    h('summary', {}, WORDS.used[lang]),
    h('table', {}, h('tbody', {}, ...rows)),
    h('div', { className: 'actions' }, apply),
  );
}
