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
import { h } from '../taskpane/dom';

export interface ColumnChoice {
  role: ColumnRole;
  /** Bilingual role name. */
  name: string;
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
    name: `${p.name.vi} / ${p.name.en}`,
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

/** The form: one select per role, and a button that applies the mapping. */
export function renderColumnForm(choices: ColumnChoice[], headerRow: number | undefined, onApply: (m: ColumnMapping) => void): HTMLElement {
  const selects = new Map<ColumnRole, HTMLSelectElement>();
  const rows = choices.map((c) => {
    const select = h(
      'select',
      { id: `column-${c.role}`, 'aria-label': c.name },
      h('option', { value: '' }, '—'),
      ...c.options.map((o) => h('option', { value: o.letter, selected: o.letter === c.letter }, `${o.letter}${o.label ? `: ${o.label.slice(0, 40)}` : ''}`)),
    );
    selects.set(c.role, select);
    return h('tr', {}, h('th', { scope: 'row' }, c.name), h('td', {}, select), h('td', { className: 'how' }, c.how));
  });
  const apply = h('button', { type: 'button', id: 'columns-apply' }, 'Nhập lại theo các cột này / Re-import with these columns');
  apply.addEventListener('click', () => {
    const values: Partial<Record<ColumnRole, string>> = {};
    for (const [role, s] of selects) values[role] = s.value;
    onApply(mappingFromChoices(values, headerRow));
  });
  return h(
    'details',
    { className: 'panel', id: 'column-form' },
    h('summary', {}, 'Các cột đã dùng / Columns used'),
    h('table', {}, h('tbody', {}, ...rows)),
    h('div', { className: 'actions' }, apply),
  );
}
