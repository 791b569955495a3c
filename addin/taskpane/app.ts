/**
 * The task pane: Import (active sheet -> criteria set), Template (insert the self-assessment sheet) and
 * Validate (as the user types), with the running self total and progress always visible. Talks to Excel
 * only through WorkbookHost, so tests drive it against simulated hosts.
 */
import type { CompiledSet } from '../../engine/core/compile';
import { importFamiliar } from '../../engine/core/familiar';
import type { Lang } from '../../engine/core/i18n';
import { loadCriteriaDef, loadCriteriaText } from '../../engine/core/load';
import type { CriteriaSet } from '../../engine/core/model';
import { formatPoints } from '../../engine/core/points';
import { hasErrors, problem, type Problem } from '../../engine/core/problems';
import { EMBED_SHEET, planTemplate, type TemplateOptions, type TemplatePlan } from '../../engine/core/template/plan';
import { HostError, type WorkbookHost } from '../host/types';
import { sheetMapOf, templateLayouts } from '../scoring/render-plan';
import { gridOf } from '../scoring/sheet-grid';
import { boundingRange, type ScoringSheetMap } from '../scoring/sheet-map';
import { loadStored, loadTemplateEmbed, saveCriteria, STORE_SHEET } from '../scoring/store';
import { validateSheet, valueAt, type SheetValidation } from '../scoring/validate';
import { append, clear, downloadText, h, toBase64 } from './dom';
import { tr, type UiKey } from './i18n';

export type TemplateWriter = (set: CompiledSet, opts: TemplateOptions) => Promise<{ bytes: Uint8Array; plan: TemplatePlan }>;

export interface AppOptions {
  host: WorkbookHost;
  lang: Lang;
  /** The bundled default criteria set (YAML text). */
  bundledCriteria: string;
  /** Loads the exceljs writer lazily (only where insertWorksheetsFromBase64 is available). */
  loadWriter?: () => Promise<TemplateWriter>;
  /** Remember the language choice. */
  onLangChange?: (lang: Lang) => void;
  download?: (filename: string, text: string) => void;
  /** Debounce of validation after an edit (ms). */
  debounceMs?: number;
}

type Tab = 'import' | 'template' | 'validate';
const TABS: Array<{ id: Tab; label: UiKey }> = [
  { id: 'import', label: 'tabImport' },
  { id: 'template', label: 'tabTemplate' },
  { id: 'validate', label: 'tabValidate' },
];

interface Loaded {
  def: CriteriaSet;
  set: CompiledSet | null;
  problems: Problem[];
}

interface ActiveTemplate {
  set: CompiledSet;
  plan: TemplatePlan;
  map: ScoringSheetMap;
  keyCells: Array<{ cell: string; key: string; criterion: string }>;
}

export class App {
  private lang: Lang;
  private tab: Tab = 'import';
  private imported: (Loaded & { sheet: string }) | null = null;
  private stored: Loaded | null = null;
  private bundled: Loaded | null = null;
  private template: ActiveTemplate | null = null;
  private validation: SheetValidation | null = null;
  private live = true;
  private unwatch: (() => Promise<void>) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private validating: Promise<void> | null = null;
  private pendingValidate = false;
  private els: Record<string, HTMLElement> = {};

  constructor(
    private readonly root: HTMLElement,
    private readonly opts: AppOptions,
  ) {
    this.lang = opts.lang;
  }

  private t(key: UiKey, params: Record<string, unknown> = {}): string {
    return tr(this.lang, key, params);
  }

  /** Build the pane, then find what the workbook already holds (stored set, inserted template). */
  async start(): Promise<void> {
    const b = loadCriteriaText(this.opts.bundledCriteria, 'cum-thi-dua-2024.criteria.yaml');
    if (b.def) this.bundled = { def: b.def, set: b.set, problems: b.problems };
    this.render();
    await this.guard(this.els.globalMsg, async () => {
      const stored = await loadStored(this.opts.host, STORE_SHEET);
      if (stored?.def) this.stored = { def: stored.def, set: stored.set, problems: stored.problems };
      else if (stored) this.message(this.els.globalMsg, 'error', stored.problems.map((p) => p.messages[this.lang]).join(' '));
      const embed = await loadTemplateEmbed(this.opts.host);
      if (embed?.set) {
        const plan = planTemplate(embed.set, {
          mode: embed.meta.mode === 'inspection' ? 'inspection' : 'self',
          lang: embed.meta.lang === 'en' ? 'en' : 'vi',
          unit: embed.meta.unit,
          year: embed.meta.year ? Number(embed.meta.year) : undefined,
        });
        await this.activateTemplate(embed.set, plan);
        this.selectTab('validate');
      } else if (embed) this.message(this.els.globalMsg, 'error', embed.problems.map((p) => p.messages[this.lang]).join(' '));
    });
    this.renderTemplatePanel();
    this.renderStatus();
    this.root.setAttribute('aria-busy', 'false');
  }

  // ------------------------------------------------------------------------------------------ layout

  private render(): void {
    document.documentElement.lang = this.lang;
    document.title = this.t('appTitle');
    const tabs = h('div', { role: 'tablist', 'aria-label': this.t('tabs') });
    const panels: HTMLElement[] = [];
    for (const tab of TABS) {
      const btn = h('button', {
        role: 'tab',
        id: `tab-${tab.id}`,
        'aria-controls': `panel-${tab.id}`,
        'aria-selected': String(tab.id === this.tab),
        tabindex: tab.id === this.tab ? 0 : -1,
        onclick: () => this.selectTab(tab.id),
        onkeydown: (e: Event) => this.tabKey(e as KeyboardEvent, tab.id),
      }, this.t(tab.label));
      tabs.append(btn);
      const panel = h('section', { role: 'tabpanel', id: `panel-${tab.id}`, 'aria-labelledby': `tab-${tab.id}`, tabindex: 0 });
      if (tab.id !== this.tab) panel.hidden = true;
      panels.push(panel);
      this.els[`panel-${tab.id}`] = panel;
    }
    this.els.status = h('div', { className: 'status', role: 'region', 'aria-label': this.t('selfTotal') });
    this.els.globalMsg = h('div', { className: 'message', role: 'alert' });
    clear(
      this.root,
      h(
        'header',
        { className: 'bar' },
        h('h1', {}, this.t('appTitle')),
        h('button', { type: 'button', id: 'lang-switch', 'aria-label': this.t('switchLangLabel'), lang: this.lang === 'vi' ? 'en' : 'vi', onclick: () => this.switchLang() }, this.t('switchLang')),
      ),
      this.els.status,
      this.els.globalMsg,
      tabs,
      ...panels,
    );
    this.renderStatus();
    this.renderImportPanel();
    this.renderTemplatePanel();
    this.renderValidatePanel();
  }

  private switchLang(): void {
    this.lang = this.lang === 'vi' ? 'en' : 'vi';
    this.opts.onLangChange?.(this.lang);
    this.render();
    (this.root.querySelector('#lang-switch') as HTMLElement | null)?.focus();
  }

  private selectTab(id: Tab): void {
    this.tab = id;
    for (const t of TABS) {
      const btn = this.root.querySelector(`#tab-${t.id}`) as HTMLElement;
      btn.setAttribute('aria-selected', String(t.id === id));
      btn.tabIndex = t.id === id ? 0 : -1;
      this.els[`panel-${t.id}`].hidden = t.id !== id;
    }
  }

  private tabKey(e: KeyboardEvent, id: Tab): void {
    const i = TABS.findIndex((t) => t.id === id);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.selectTab(TABS[next].id);
    (this.root.querySelector(`#tab-${TABS[next].id}`) as HTMLElement).focus();
  }

  private message(el: HTMLElement, kind: 'info' | 'error' | 'success', text: string, detail?: string): void {
    el.className = `message${kind === 'info' ? '' : ` ${kind}`}`;
    clear(el, h('span', {}, text), detail ? h('details', {}, h('summary', {}, this.t('details')), h('code', {}, detail)) : null);
  }

  /** Run an action, showing a bilingual message instead of a stack trace when anything fails. */
  private async guard(msgEl: HTMLElement, action: () => Promise<void>, busy?: HTMLButtonElement): Promise<void> {
    if (busy) busy.disabled = true;
    try {
      await action();
    } catch (e) {
      if (e instanceof HostError) this.message(msgEl, 'error', this.lang === 'vi' ? e.vi : e.en, e.detail);
      else this.message(msgEl, 'error', this.t('unexpected'), e instanceof Error ? e.message : String(e));
    } finally {
      if (busy) busy.disabled = false;
    }
  }

  // ------------------------------------------------------------------------------------------ status

  private renderStatus(): void {
    const el = this.els.status;
    if (!el) return;
    const t = this.template;
    if (!t) {
      clear(el, h('div', { className: 'total' }, h('span', {}, this.t('selfTotal')), h('output', { id: 'self-total' }, '—')), h('div', { className: 'set' }, this.t('noSheetYet')));
      return;
    }
    const v = this.validation;
    const max = t.set.maxBase + t.set.maxBonus;
    const filled = v?.filled ?? 0;
    const expected = v?.expected ?? t.set.entries.filter((e) => !e.blankIsZero).length;
    const total = v?.self ? formatPoints(v.self.total, this.lang) : formatPoints(0, this.lang);
    clear(
      el,
      h('div', { className: 'total' }, h('span', {}, this.t('selfTotal')), h('output', { id: 'self-total', 'aria-live': 'polite' }, `${total} / ${formatPoints(max, this.lang)}`)),
      h('progress', { id: 'progress', max: expected, value: filled, 'aria-label': this.t('progressLabel') }),
      h('div', { className: 'progress-text', id: 'progress-text' }, this.t('progress', { filled, expected })),
      h('div', { className: 'set', title: t.set.def.title }, `${this.t('criteriaSet')}: ${t.set.def.title}`),
    );
  }

  // ------------------------------------------------------------------------------------------ import

  private renderImportPanel(): void {
    const panel = this.els['panel-import'];
    const msg = h('div', { className: 'message', role: 'status', id: 'import-msg' });
    const result = h('div', { id: 'import-result' });
    const btn = h('button', { type: 'button', className: 'primary', id: 'import-btn' }, this.t('importButton'));
    btn.addEventListener('click', () => void this.guard(msg, () => this.runImport(msg, result), btn));
    clear(panel, h('p', {}, this.t('importIntro')), h('div', { className: 'actions' }, btn), msg, result);
    if (this.imported) this.renderImportResult(msg, result);
  }

  private async runImport(msg: HTMLElement, result: HTMLElement): Promise<void> {
    this.message(msg, 'info', this.t('importing'));
    const data = await this.opts.host.readActiveSheet();
    const imp = importFamiliar([gridOf(data)], { sheet: data.sheet, file: data.sheet });
    if (!imp.criteriaSet) {
      this.imported = null;
      this.message(msg, 'error', this.t('importFailed'));
      clear(result, this.problemList(imp.warnings, false));
      return;
    }
    const loaded = loadCriteriaDef(imp.criteriaSet, { file: data.sheet });
    this.imported = { def: imp.criteriaSet, set: loaded.set, problems: [...imp.warnings, ...loaded.problems], sheet: data.sheet };
    this.renderImportResult(msg, result);
    this.renderTemplatePanel();
  }

  private renderImportResult(msg: HTMLElement, result: HTMLElement): void {
    const imp = this.imported!;
    const set = imp.set;
    if (set)
      this.message(msg, 'success', this.t('importDone', { sheet: imp.sheet, leaves: set.leaves.length, maxBase: set.maxBase, maxBonus: set.maxBonus }));
    else this.message(msg, 'error', this.t('setInvalid'));
    const save = h('button', { type: 'button', id: 'save-btn', className: 'primary' }, this.t('saveInWorkbook'));
    const saveMsg = h('div', { className: 'message', role: 'status', id: 'save-msg' });
    save.addEventListener('click', () =>
      void this.guard(saveMsg, async () => {
        await saveCriteria(this.opts.host, imp.def, { sourceSheet: imp.sheet });
        this.stored = { def: imp.def, set: imp.set, problems: imp.problems };
        this.message(saveMsg, 'success', this.t('saved', { sheet: STORE_SHEET }));
        this.renderTemplatePanel();
      }, save),
    );
    const exp = h('button', { type: 'button', id: 'export-btn' }, this.t('exportJson'));
    exp.addEventListener('click', () => {
      const file = `${imp.def.id || 'criteria'}.criteria.json`;
      (this.opts.download ?? downloadText)(file, `${JSON.stringify(imp.def, null, 2)}\n`);
      this.message(saveMsg, 'success', this.t('exported', { file }));
    });
    clear(
      result,
      imp.problems.length ? h('details', { className: 'panel', open: true }, h('summary', {}, this.t('warnings', { n: imp.problems.length })), this.problemList(imp.problems, false)) : null,
      h('div', { className: 'actions' }, save, exp),
      saveMsg,
      h('details', { className: 'panel', open: true }, h('summary', {}, this.t('tree')), this.tree(imp.def)),
    );
  }

  private tree(def: CriteriaSet): HTMLElement {
    const f = (x: unknown) => (typeof x === 'number' ? formatPoints(x, this.lang) : '');
    const node = (n: { number?: string; id: string; text: string; max?: number; cap?: number; children?: unknown[] }): HTMLElement =>
      h(
        'li',
        {},
        h('span', { className: 'max' }, f(n.cap ?? n.max)),
        h('span', { className: 'num' }, n.number ?? n.id),
        n.text,
        n.children?.length ? h('ul', {}, ...(n.children as Array<typeof n>).map(node)) : null,
      );
    return h('div', { className: 'tree', id: 'criteria-tree' }, h('ul', {}, ...def.sections.map((s) => node(s))));
  }

  // ------------------------------------------------------------------------------------------ template

  private sources(): Array<{ id: string; label: string; loaded: Loaded }> {
    const out: Array<{ id: string; label: string; loaded: Loaded }> = [];
    if (this.imported && this.imported.def !== this.stored?.def)
      out.push({ id: 'imported', label: this.t('sourceImported', { title: this.imported.def.title }), loaded: this.imported });
    if (this.stored) out.push({ id: 'stored', label: this.t('sourceStored', { title: this.stored.def.title }), loaded: this.stored });
    if (this.bundled) out.push({ id: 'bundled', label: this.t('sourceBundled', { title: this.bundled.def.title }), loaded: this.bundled });
    return out;
  }

  private renderTemplatePanel(): void {
    const panel = this.els['panel-template'];
    if (!panel) return;
    const sources = this.sources();
    const select = h('select', { id: 'source' }, ...sources.map((s) => h('option', { value: s.id }, s.label)));
    const unit = h('input', { type: 'text', id: 'unit', autocomplete: 'organization' });
    const year = h('input', { type: 'number', id: 'year', min: 2000, max: 2100, step: 1 });
    const first = sources[0]?.loaded.def.year;
    if (first) year.value = String(first);
    const msg = h('div', { className: 'message', role: 'status', id: 'template-msg' });
    const btn = h('button', { type: 'button', className: 'primary', id: 'insert-btn' }, this.t('insertButton'));
    btn.addEventListener('click', () =>
      void this.guard(msg, async () => {
        const src = sources.find((s) => s.id === select.value);
        if (!src) return;
        await this.insertTemplate(src.loaded, unit.value.trim(), year.value ? Number(year.value) : undefined, msg);
      }, btn),
    );
    clear(
      panel,
      h('p', {}, this.t('templateIntro')),
      h('label', { for: 'source' }, this.t('source')),
      select,
      h('label', { for: 'unit' }, this.t('unit')),
      unit,
      h('label', { for: 'year' }, this.t('year')),
      year,
      h('div', { className: 'actions' }, btn),
      msg,
    );
  }

  private async insertTemplate(src: Loaded, unit: string, year: number | undefined, msg: HTMLElement): Promise<void> {
    const loaded = src.set && !hasErrors(src.problems) ? src : { ...src, ...loadCriteriaDef(src.def) };
    if (!loaded.set || hasErrors(loaded.problems)) {
      this.message(msg, 'error', this.t('setInvalid'));
      return;
    }
    this.message(msg, 'info', this.t('inserting'));
    const set = loaded.set;
    const options: TemplateOptions = { mode: 'self', unit: unit || undefined, year, lang: this.lang, generatedAt: new Date().toISOString(), toolVersion: 'thidua-addin' };
    const caps = this.opts.host.capabilities();
    let plan: TemplatePlan;
    let how: UiKey;
    if (caps.insertFromBase64 && this.opts.loadWriter) {
      const write = await this.opts.loadWriter();
      const out = await write(set, options);
      plan = out.plan;
      await this.opts.host.insertWorkbook(toBase64(out.bytes), {
        sheets: [plan.sheetName, plan.instructionsSheetName, EMBED_SHEET],
        names: plan.names.map((n) => ({ name: n.name, sheet: plan.sheetName, address: n.ref.slice(n.ref.lastIndexOf('!') + 1).replace(/\$/g, '') })),
        activate: plan.sheetName,
      });
      how = 'howBase64';
    } else {
      plan = planTemplate(set, options);
      await this.opts.host.renderSheets(templateLayouts(plan));
      how = 'howCells';
    }
    this.message(msg, 'success', this.t('inserted', { sheet: plan.sheetName, how: this.t(how) }));
    await this.activateTemplate(set, plan);
  }

  /** Start validating a template sheet: map its cells, watch it, check it once. */
  private async activateTemplate(set: CompiledSet, plan: TemplatePlan): Promise<void> {
    if (this.unwatch) await this.unwatch().catch(() => undefined);
    this.unwatch = null;
    const keyCol = plan.columns.find((c) => c.id === 'key');
    const keyCells = keyCol
      ? plan.rows.filter((r) => r.key && r.criterion && (r.kind === 'leaf' || r.kind === 'item' || r.kind === 'indicator')).map((r) => ({ cell: `${keyCol.letter}${r.row}`, key: r.key!, criterion: r.criterion! }))
      : [];
    const map = sheetMapOf(plan);
    this.template = { set, plan, map, keyCells };
    this.unwatch = await this.opts.host.watch(map.sheet, () => this.scheduleValidate());
    await this.validate();
    this.renderValidatePanel();
  }

  // ------------------------------------------------------------------------------------------ validate

  private renderValidatePanel(): void {
    const panel = this.els['panel-validate'];
    if (!panel) return;
    const live = h('input', { type: 'checkbox', id: 'live', checked: this.live });
    live.addEventListener('change', () => {
      this.live = (live as HTMLInputElement).checked;
    });
    const msg = h('div', { className: 'message', role: 'status', id: 'validate-msg' });
    const btn = h('button', { type: 'button', className: 'primary', id: 'validate-btn', disabled: !this.template }, this.t('validateNow'));
    btn.addEventListener('click', () => void this.guard(msg, () => this.validate(), btn));
    this.els.validateMsg = msg;
    this.els.problems = h('div', { id: 'problems', 'aria-live': 'polite' });
    clear(
      panel,
      h('p', {}, this.template ? this.t('validateIntro') : this.t('noTemplate')),
      h('label', { className: 'check', for: 'live' }, live, this.t('live')),
      h('div', { className: 'actions' }, btn),
      msg,
      this.els.problems,
    );
    this.renderProblems();
  }

  private scheduleValidate(): void {
    if (!this.live) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.guard(this.els.validateMsg ?? this.els.globalMsg, () => this.validate());
    }, this.opts.debounceMs ?? 300);
  }

  /** One read of the sheet's table, the kernel's evaluation, the list and the status. Never overlaps itself. */
  async validate(): Promise<void> {
    if (this.validating) {
      this.pendingValidate = true;
      return this.validating;
    }
    this.validating = this.validateOnce().finally(() => {
      this.validating = null;
      if (this.pendingValidate) {
        this.pendingValidate = false;
        void this.guard(this.els.validateMsg ?? this.els.globalMsg, () => this.validate());
      }
    });
    return this.validating;
  }

  private async validateOnce(): Promise<void> {
    const t = this.template;
    if (!t) return;
    const keyCol = t.plan.columns.find((c) => c.id === 'key');
    const range = boundingRange({ ...t.map, evidence: { ...t.map.evidence, ...(keyCol ? { _k: `${keyCol.letter}${t.plan.lastRow}` } : {}) } });
    const data = await this.opts.host.readRange(t.map.sheet, range);
    if (!data) {
      this.validation = { self: null, inspected: null, filled: 0, expected: 0, problems: [problem('addin_sheet_missing', { sheet: t.map.sheet }, { sheet: t.map.sheet })] };
    } else {
      const moved: Problem[] = [];
      for (const k of t.keyCells) {
        const found = valueAt(data, k.cell);
        if (String(found ?? '') !== k.key) moved.push(problem('addin_structure_changed', { criterion: k.criterion, cell: k.cell, found: String(found ?? '') }, { sheet: t.map.sheet, cell: k.cell, criterion: k.criterion }));
      }
      const v = validateSheet(t.set, t.map, data);
      this.validation = moved.length ? { ...v, problems: [...moved.slice(0, 5), ...v.problems] } : v;
    }
    this.renderStatus();
    this.renderProblems();
  }

  private renderProblems(): void {
    const el = this.els.problems;
    if (!el) return;
    if (!this.template || !this.validation) return clear(el);
    const ps = this.validation.problems;
    if (!ps.length) return clear(el, h('div', { className: 'message success', id: 'no-problems' }, this.t('noProblems')));
    clear(el, h('p', { className: 'summary' }, this.t('problemsTitle', { n: ps.length })), this.problemList(ps, true));
  }

  private problemList(ps: Problem[], clickable: boolean): HTMLElement {
    const list = h('ul', { className: 'problems' });
    for (const p of ps) {
      const where = [p.cell ? this.t('problemAt', { cell: p.cell }) : p.sheet, p.criterion ? `· ${p.criterion}` : '', `· ${this.t(p.severity === 'error' ? 'errorSev' : 'warningSev')}`]
        .filter(Boolean)
        .join(' ');
      const body = [h('span', { className: 'where' }, where), p.messages[this.lang]];
      if (clickable && p.cell) {
        const sheet = p.sheet ?? this.template?.map.sheet ?? '';
        const b = h('button', { type: 'button', className: p.severity, 'data-cell': p.cell, 'data-code': p.code }, ...body);
        b.addEventListener('click', () => void this.guard(this.els.validateMsg, () => this.opts.host.select(sheet, p.cell!)));
        append(list, h('li', {}, b));
      } else append(list, h('li', { className: `static ${p.severity}`, 'data-code': p.code }, ...body));
    }
    return list;
  }
}
