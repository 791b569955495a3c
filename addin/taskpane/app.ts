/**
 * The task pane: Import (active sheet -> criteria set), Template (insert the self-assessment sheet) and
 * Validate (as the user types), with the running self total and progress always visible. Talks to Excel
 * only through WorkbookHost, so tests drive it against simulated hosts.
 * Past 400 lines: one class holds the pane's state shared by its five tabs (the active template, the
 * validation, the stamp); the frame is already in shell.ts, the panels are the next to move out.
 */
import type { CompiledSet } from '../../engine/core/compile';
import { importFamiliar } from '../../engine/core/familiar';
import type { Lang } from '../../engine/core/i18n';
import { loadCriteriaDef, loadCriteriaText } from '../../engine/core/load';
import type { CriteriaSet } from '../../engine/core/model';
import { formatPoints } from '../../engine/core/points';
import { hasErrors, problem, type Problem } from '../../engine/core/problems';
import { EMBED_SHEET, planTemplate, type TemplateOptions, type TemplatePlan } from '../../engine/core/template/plan';
import { HostError, type HostValue, type WorkbookHost } from '../host/types';
import { readWorkbooks, type FileLike, type FileOutcome, type ScoreFn } from '../consolidate/read-files';
import { RANKING_MARKER, RANKING_SHEET_NAMES, rankingSheetLayouts } from '../consolidate/ranking-sheets';
import { yearEndButton } from '../consolidate/year-end-documents';
import {
  finishInspectionEdits,
  inspectionSummary,
  parseStamp,
  reopenInspectionEdits,
  switchToInspectionEdits,
  type InspectionRow,
  type StampKey,
} from '../scoring/inspection';
import { PRINT_EXCEL_API, RANKING_EXCEL_API } from '../office/adapter';
import { sheetMapOf, templateLayouts } from '../scoring/render-plan';
import { gridOf } from '../scoring/sheet-grid';
import { columnChoices, renderColumnForm } from '../familiar/column-form';
import type { ColumnMapping } from '../../engine/core/familiar/table';
import { boundingRange, type ScoringSheetMap } from '../scoring/sheet-map';
import { loadStored, loadTemplateEmbed, saveCriteria, STORE_SHEET } from '../scoring/store';
import { validateSheet, valueAt, type SheetValidation } from '../scoring/validate';
import { append, clear, copyText, downloadText, h, toBase64 } from './dom';
import { tr, type UiKey } from './i18n';
import { renderShell, selectTab, TABS, type Tab } from './shell';

export type TemplateWriter = (set: CompiledSet, opts: TemplateOptions) => Promise<{ bytes: Uint8Array; plan: TemplatePlan }>;

export interface AppOptions {
  host: WorkbookHost;
  lang: Lang;
  /** The bundled default criteria set (YAML text). */
  bundledCriteria: string;
  /** Loads the exceljs writer lazily (only where insertWorksheetsFromBase64 is available). */
  loadWriter?: () => Promise<TemplateWriter>;
  /** Loads the engine's workbook scorer lazily (exceljs), for consolidation. */
  loadScorer?: () => Promise<ScoreFn>;
  /** The time stamped by actions (tests fix it). */
  now?: () => Date;
  /** Remember the language choice. */
  onLangChange?: (lang: Lang) => void;
  download?: (filename: string, text: string) => void;
  /** Debounce of validation after an edit (ms). */
  debounceMs?: number;
  /** The tab chosen while the pane was loading. */
  tab?: Tab;
  /**
   * Office.context.platform: on 'PC' and 'Mac' Excel's webview drops downloads without a word, so the
   * criteria set is copied (or shown selected) instead of pretending a file was made.
   */
  platform?: string;
}


interface Loaded {
  def: CriteriaSet;
  set: CompiledSet | null;
  problems: Problem[];
}

interface ActiveTemplate {
  set: CompiledSet;
  plan: TemplatePlan;
  /** The options the plan was made with (unit, year, lang as the workbook records them). */
  options: TemplateOptions;
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
  /** The inspection record of the workbook (hidden sheet, columns D:E). */
  private stamp: Partial<Record<StampKey, string>> = {};
  private inspector = '';
  private consolidation: { outcomes: FileOutcome[]; ranking: import('../../engine/core/rank/ranking').Ranking; sources: import('../../engine/core/rank/ranking').RankSource[] } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly opts: AppOptions,
  ) {
    this.lang = opts.lang;
    if (opts.tab) this.tab = opts.tab;
  }

  private t(key: UiKey, params: Record<string, unknown> = {}): string {
    return tr(this.lang, key, params);
  }

  /** Build the pane, then find what the workbook already holds (stored set, inserted template). */
  async start(): Promise<void> {
    this.render();
    await this.guard(this.els.globalMsg, async () => {
      const stored = await loadStored(this.opts.host, STORE_SHEET);
      if (stored?.def) this.stored = { def: stored.def, set: stored.set, problems: stored.problems };
      else if (stored) this.message(this.els.globalMsg, 'error', stored.problems.map((p) => p.messages[this.lang]).join(' '));
      const embed = await loadTemplateEmbed(this.opts.host);
      if (embed?.set) {
        const options: TemplateOptions = {
          mode: embed.meta.mode === 'inspection' ? 'inspection' : 'self',
          lang: embed.meta.lang === 'en' ? 'en' : 'vi',
          unit: embed.meta.unit,
          year: embed.meta.year ? Number(embed.meta.year) : undefined,
          cluster: embed.meta.cluster || undefined,
        };
        this.stamp = parseStamp(embed.values);
        this.inspector = this.stamp.inspector ?? '';
        await this.activateTemplate(embed.set, planTemplate(embed.set, options), options);
        this.selectTab(options.mode === 'inspection' ? 'inspection' : 'validate');
      } else if (embed) this.message(this.els.globalMsg, 'error', embed.problems.map((p) => p.messages[this.lang]).join(' '));
    });
    // The bundled set is compiled once the workbook's own state is on screen (it is offered last).
    const b = loadCriteriaText(this.opts.bundledCriteria, 'cum-thi-dua-2024.criteria.yaml');
    if (b.def) this.bundled = { def: b.def, set: b.set, problems: b.problems };
    this.renderTemplatePanel();
    this.renderStatus();
    this.root.setAttribute('aria-busy', 'false');
  }

  // ------------------------------------------------------------------------------------------ layout

  private render(): void {
    const shell = renderShell(this.root, { lang: this.lang, tab: this.tab, onSelect: (id) => this.selectTab(id), onSwitchLang: () => this.switchLang() });
    for (const tab of TABS) this.els[`panel-${tab.id}`] = shell.panels[tab.id];
    this.els.status = shell.status;
    this.els.globalMsg = shell.globalMsg;
    this.renderStatus();
    this.renderImportPanel();
    this.renderTemplatePanel();
    this.renderValidatePanel();
    this.renderInspectionPanel();
    this.renderConsolidatePanel();
  }

  private switchLang(): void {
    this.lang = this.lang === 'vi' ? 'en' : 'vi';
    this.opts.onLangChange?.(this.lang);
    this.render();
    (this.root.querySelector('#lang-switch') as HTMLElement | null)?.focus();
  }

  private selectTab(id: Tab): void {
    this.tab = id;
    selectTab(this.root, id);
  }

  private message(el: HTMLElement, kind: 'info' | 'error' | 'success' | 'warning', text: string, detail?: string): void {
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
    const inspection = t.plan.mode === 'inspection';
    const insp = inspection ? inspectionSummary(t.set, t.plan, v) : null;
    clear(
      el,
      h('div', { className: 'total' }, h('span', {}, this.t('selfTotal')), h('output', { id: 'self-total', 'aria-live': 'polite' }, `${total} / ${formatPoints(max, this.lang)}`)),
      insp
        ? h('div', { className: 'total inspected' }, h('span', {}, this.t('inspectedTotal')), h('output', { id: 'inspected-total', 'aria-live': 'polite' }, `${formatPoints(insp.inspectedTotal ?? 0, this.lang)} / ${formatPoints(max, this.lang)}`))
        : null,
      // Bar and count on one line: the pinned block stays a few lines high (test/browser/layout.test.ts).
      h(
        'div',
        { className: 'progress-row' },
        insp
          ? h('progress', { id: 'progress', max: insp.expected, value: insp.filled, 'aria-label': this.t('progressLabel') })
          : h('progress', { id: 'progress', max: expected, value: filled, 'aria-label': this.t('progressLabel') }),
        h('span', { className: 'progress-text', id: 'progress-text' }, insp ? this.t('inspectedProgress', { filled: insp.filled, expected: insp.expected }) : this.t('progress', { filled, expected })),
      ),
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

  private importGrid: ReturnType<typeof gridOf> | null = null;

  private async runImport(msg: HTMLElement, result: HTMLElement, mapping?: ColumnMapping): Promise<void> {
    this.message(msg, 'info', this.t('importing'));
    const data = await this.opts.host.readActiveSheet();
    this.importGrid = gridOf(data);
    const imp = importFamiliar([this.importGrid], { sheet: data.sheet, file: data.sheet, mapping });
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
    const json = () => `${JSON.stringify(imp.def, null, 2)}\n`;
    const shown = h('div', { id: 'export-box' });
    exp.addEventListener('click', () => {
      const file = `${imp.def.id || 'criteria'}.criteria.json`;
      // Excel on Windows and Mac drops a download without telling the page: there the set is copied, or
      // shown selected for the user to copy, and the message says no file was made. Elsewhere (Excel on
      // the web) the browser gets the file; the page cannot know whether it was saved, so it says only that.
      if (this.opts.platform === 'PC' || this.opts.platform === 'Mac') {
        const text = json();
        const area = h('textarea', { id: 'export-text', readonly: true, rows: 6, 'aria-label': this.t('exportText') }) as HTMLTextAreaElement;
        area.value = text;
        clear(shown, area);
        void copyText(text).then((ok) => {
          this.message(saveMsg, ok ? 'success' : 'warning', this.t(ok ? 'exportedDesktopCopied' : 'exportedDesktopSelect', { file }));
          area.focus();
          area.select();
        });
        return;
      }
      clear(shown);
      (this.opts.download ?? downloadText)(file, json());
      this.message(saveMsg, 'info', this.t('exported', { file }));
    });
    const copy = h('button', { type: 'button', id: 'copy-btn' }, this.t('copyJson'));
    copy.addEventListener('click', () =>
      void copyText(json()).then((ok) => this.message(saveMsg, ok ? 'success' : 'error', this.t(ok ? 'copied' : 'copyFailed'))),
    );
    clear(
      result,
      imp.problems.length ? h('details', { className: 'panel', open: true }, h('summary', {}, this.t('warnings', { n: imp.problems.length })), this.problemList(imp.problems, false)) : null,
      h('div', { className: 'actions' }, save, exp, copy),
      saveMsg,
      shown,
      this.importGrid
        ? renderColumnForm(
            columnChoices(imp.def, this.importGrid),
            imp.def.familiarLayout?.headerRow,
            (m) => void this.guard(msg, () => this.runImport(msg, result, m)),
            this.lang,
          )
        : null,
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
    // Re-inserting: the set the workbook's own template was made with comes first.
    const own = this.template?.set;
    if (own) out.push({ id: 'embedded', label: this.t('sourceEmbedded', { title: own.def.title }), loaded: { def: own.def, set: own, problems: [] } });
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
    const warning = h('div', { className: 'message warning', role: 'status', id: 'template-warning' });
    const btn = h('button', { type: 'button', className: 'primary', id: 'insert-btn' }, this.t('insertButton'));
    btn.addEventListener('click', () =>
      void this.guard(msg, async () => {
        const src = sources.find((s) => s.id === select.value);
        if (!src) return;
        clear(warning);
        await this.insertTemplate(src.loaded, unit.value.trim(), year.value ? Number(year.value) : undefined, msg, warning);
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
      warning,
    );
  }

  /** What this Excel could not do on the sheets just written (older requirement sets), as one visible warning. */
  private hostShortfalls(withValidation: boolean): string[] {
    const caps = this.opts.host.capabilities();
    const notes: string[] = [];
    if (withValidation && !caps.dataValidation) notes.push(this.t('noDataValidation', { have: caps.apiVersion }));
    if (!caps.printSetup) notes.push(this.t('noPrintSetup', { have: caps.apiVersion, need: PRINT_EXCEL_API }));
    return notes;
  }

  private async insertTemplate(src: Loaded, unit: string, year: number | undefined, msg: HTMLElement, warning: HTMLElement): Promise<void> {
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
    let detail: string | undefined;
    if (caps.insertFromBase64 && this.opts.loadWriter) {
      const write = await this.opts.loadWriter();
      const out = await write(set, options);
      plan = out.plan;
      const outcome = await this.opts.host.insertWorkbook(toBase64(out.bytes), {
        sheets: [plan.sheetName, plan.instructionsSheetName, EMBED_SHEET],
        names: plan.names.map((n) => ({ name: n.name, sheet: plan.sheetName, address: n.ref.slice(n.ref.lastIndexOf('!') + 1).replace(/\$/g, '') })),
        veryHidden: [EMBED_SHEET],
        activate: plan.sheetName,
        fallback: templateLayouts(plan),
      });
      how = outcome.how === 'base64' ? 'howBase64' : 'howCellsRefused';
      if (outcome.how === 'cells') detail = outcome.detail;
    } else {
      plan = planTemplate(set, options);
      await this.opts.host.renderSheets(templateLayouts(plan));
      how = 'howCells';
    }
    this.message(msg, 'success', this.t('inserted', { sheet: plan.sheetName, how: this.t(how) }), detail);
    const notes = this.hostShortfalls(true);
    if (notes.length) this.message(warning, 'warning', notes.join(' '));
    this.stamp = {};
    await this.activateTemplate(set, plan, options);
  }

  /** Start validating a template sheet: map its cells, watch it, check it once. */
  private async activateTemplate(set: CompiledSet, plan: TemplatePlan, options: TemplateOptions): Promise<void> {
    if (this.unwatch) await this.unwatch().catch(() => undefined);
    this.unwatch = null;
    this.template = this.activeTemplate(set, plan, options);
    this.unwatch = await this.opts.host.watch(plan.sheetName, () => this.scheduleValidate());
    await this.validate();
    this.renderValidatePanel();
    this.renderInspectionPanel();
  }

  private activeTemplate(set: CompiledSet, plan: TemplatePlan, options: TemplateOptions): ActiveTemplate {
    const keyCol = plan.columns.find((c) => c.id === 'key');
    const keyCells = keyCol
      ? plan.rows.filter((r) => r.key && r.criterion && (r.kind === 'leaf' || r.kind === 'item' || r.kind === 'indicator')).map((r) => ({ cell: `${keyCol.letter}${r.row}`, key: r.key!, criterion: r.criterion! }))
      : [];
    return { set, plan, options, map: sheetMapOf(plan), keyCells };
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
    this.renderInspection();
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

  // ------------------------------------------------------------------------------------------ inspection

  private renderInspectionPanel(): void {
    const panel = this.els['panel-inspection'];
    if (!panel) return;
    const t = this.template;
    const msg = h('div', { className: 'message', role: 'status', id: 'inspection-msg' });
    this.els.inspectionMsg = msg;
    if (!t) {
      clear(panel, h('p', {}, this.t('noTemplateInspection')), msg);
      return;
    }
    if (t.plan.mode !== 'inspection') {
      const btn = h('button', { type: 'button', className: 'primary', id: 'inspect-btn' }, this.t('switchInspection'));
      btn.addEventListener('click', () => void this.guard(msg, () => this.switchToInspection(msg), btn));
      clear(panel, h('p', {}, this.t('inspectionIntro')), h('div', { className: 'actions' }, btn), msg);
      return;
    }
    const name = h('input', { type: 'text', id: 'inspector', autocomplete: 'name', value: this.inspector });
    name.addEventListener('input', () => (this.inspector = (name as HTMLInputElement).value));
    const finish = h('button', { type: 'button', className: 'primary', id: 'finish-btn' }, this.t('finishButton'));
    finish.addEventListener('click', () => void this.guard(msg, () => this.finishInspection(false), finish));
    const reopen = h('button', { type: 'button', id: 'reopen-btn' }, this.t('reopen'));
    reopen.addEventListener('click', () => void this.guard(msg, () => this.reopenInspection(), reopen));
    this.els.finishBox = h('div', { id: 'finish-box' });
    this.els.inspection = h('div', { id: 'inspection-live', 'aria-live': 'polite' });
    const done = this.stamp.inspectionStatus === 'finished';
    clear(
      panel,
      done
        ? h('div', { className: 'message success', id: 'finished-state' }, this.t('finishedState', { name: this.stamp.inspector ?? '', date: this.stamp.inspectionDate ?? '' }))
        : null,
      msg,
      this.els.inspection,
      h('label', { for: 'inspector' }, this.t('inspector')),
      name,
      h('div', { className: 'actions' }, done ? reopen : finish),
      this.els.finishBox,
    );
    this.renderInspection();
  }

  /** The live part: totals are in the status bar; here the criteria left, the flags and the differences. */
  private renderInspection(): void {
    const el = this.els.inspection;
    const t = this.template;
    if (!el || !t || t.plan.mode !== 'inspection' || !el.isConnected) return;
    const s = inspectionSummary(t.set, t.plan, this.validation);
    const pts = (x: number | null) => (x === null ? '—' : formatPoints(x, this.lang));
    const signed = (x: number | null) => (x === null ? '' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${formatPoints(Math.abs(x), this.lang)}`);
    const pick = (r: InspectionRow) => () => void this.guard(this.els.inspectionMsg, () => this.opts.host.select(t.plan.sheetName, r.cell));
    const itemButton = (r: InspectionRow, extra?: string) =>
      h('button', { type: 'button', className: 'link', 'data-cell': r.cell, 'data-criterion': r.id, title: r.text, onclick: pick(r) }, r.number, extra ? ` ${extra}` : '');
    const remaining = s.remaining.length
      ? h(
          'details',
          { className: 'panel', id: 'remaining', open: true },
          h('summary', {}, this.t('remainingTitle', { n: s.remaining.length })),
          h('ul', { className: 'chips' }, ...s.remaining.map((r) => h('li', {}, itemButton(r)))),
        )
      : h('div', { className: 'message success', id: 'remaining' }, this.t('allScored'));
    const noRemark = s.withoutRemark.length
      ? h(
          'div',
          { className: 'message warning', id: 'no-remark' },
          h('span', {}, this.t('noRemarkTitle', { n: s.withoutRemark.length })),
          h('ul', { className: 'chips' }, ...s.withoutRemark.map((r) => h('li', {}, itemButton(r)))),
        )
      : null;
    const rows = s.rows.filter((r) => r.inspected !== null || r.needsRemark);
    const table = h(
      'table',
      { className: 'diff', id: 'diff-table' },
      h('caption', {}, this.t('diffTitle')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, this.t('colItem')), h('th', { scope: 'col' }, this.t('colSelf')), h('th', { scope: 'col' }, this.t('colInspected')), h('th', { scope: 'col' }, this.t('colDelta')))),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            { className: [r.over ? 'over' : '', r.needsRemark ? 'no-remark' : ''].filter(Boolean).join(' '), 'data-criterion': r.id },
            h('th', { scope: 'row' }, itemButton(r)),
            h('td', {}, pts(r.self)),
            h('td', {}, pts(r.inspected)),
            h('td', { className: 'delta' }, signed(r.delta), r.needsRemark ? h('span', { className: 'flag', title: this.t('noRemarkMark') }, ' ⚠') : null),
          ),
        ),
      ),
    );
    clear(el, h('p', { className: 'hint' }, this.t('toleranceNote', { tol: formatPoints(s.tolerance, this.lang) })), remaining, noRemark, rows.length ? table : null);
  }

  /**
   * The inspection plan of the sheet as it stands: the school's self entries and evidence, read in one
   * batch, are stamped under the metadata hash (selfHash), as `template --mode inspection --from` does,
   * so the CLI counts the inspectors' column of this workbook and notices a later change to the self one.
   */
  private async inspectionPlan(t: ActiveTemplate, now: Date): Promise<{ plan: TemplatePlan; options: TemplateOptions }> {
    const data = await this.opts.host.readRange(t.map.sheet, boundingRange(t.map));
    const self: Record<string, HostValue> = {};
    const evidence: Record<string, HostValue> = {};
    if (data) {
      for (const e of t.map.entries) if (e.column === 'self') self[e.key] = valueAt(data, e.cell) ?? null;
      for (const [id, cell] of Object.entries(t.map.evidence)) evidence[id] = valueAt(data, cell) ?? null;
    }
    const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const options: TemplateOptions = { ...t.options, mode: 'inspection', prefill: { self, evidence }, inspection: { date: day } };
    return { plan: planTemplate(t.set, options), options };
  }

  /** One batch: lock self scores and evidence, open the inspector's columns, record the mode. */
  private async switchToInspection(msg: HTMLElement): Promise<void> {
    const t = this.template;
    if (!t || t.plan.mode === 'inspection') return;
    this.message(msg, 'info', this.t('switching'));
    const now = (this.opts.now ?? (() => new Date()))();
    const { plan, options } = await this.inspectionPlan(t, now);
    await this.opts.host.updateSheets(switchToInspectionEdits(t.plan, plan, now.toISOString()));
    this.stamp = { ...this.stamp, inspectionStatus: 'in-progress', inspectionStartedAt: now.toISOString() };
    this.template = this.activeTemplate(t.set, plan, options); // same sheet, still watched
    this.renderInspectionPanel();
    this.message(this.els.inspectionMsg, 'success', this.t('switched'));
    await this.validate();
  }

  private async finishInspection(confirmed: boolean): Promise<void> {
    const t = this.template;
    const box = this.els.finishBox;
    const msg = this.els.inspectionMsg;
    if (!t || !box) return;
    clear(box);
    if (t.plan.mode !== 'inspection') {
      clear(box, this.problemList([problem('addin_not_inspection', {}, { sheet: t.plan.sheetName })], false));
      return;
    }
    this.message(msg, 'info', this.t('finishing'));
    await this.validate(); // everything, now (1 round trip)
    const v = this.validation;
    const extra: Problem[] = [];
    const name = this.inspector.trim();
    if (!name) extra.push(problem('addin_inspector_missing', {}, { sheet: t.plan.sheetName }));
    const errors = [...extra, ...(v?.problems ?? []).filter((p) => p.severity === 'error')];
    if (!v?.inspected) {
      this.message(msg, 'error', this.t('nothingInspected'));
      if (extra.length) clear(box, this.problemList(extra, false));
      return;
    }
    if (errors.length) {
      this.message(msg, 'error', this.t('finishRefused', { n: errors.length }));
      clear(box, h('div', { id: 'finish-problems' }, this.problemList(errors, true)));
      return;
    }
    const warnings = v.problems.filter((p) => p.severity === 'warning');
    if (warnings.length && !confirmed) {
      const yes = h('button', { type: 'button', className: 'primary', id: 'confirm-finish-btn' }, this.t('confirmFinish'));
      const no = h('button', { type: 'button', id: 'cancel-finish-btn' }, this.t('cancel'));
      yes.addEventListener('click', () => void this.guard(msg, () => this.finishInspection(true), yes));
      no.addEventListener('click', () => {
        clear(box);
        clear(msg);
        (this.root.querySelector('#finish-btn') as HTMLElement | null)?.focus();
      });
      this.message(msg, 'info', this.t('confirmWarnings', { n: warnings.length }));
      clear(box, h('div', { id: 'finish-confirm', role: 'group', 'aria-label': this.t('confirmWarnings', { n: warnings.length }) }, this.problemList(warnings, true), h('div', { className: 'actions' }, yes, no)));
      yes.focus();
      return;
    }
    const when = (this.opts.now ?? (() => new Date()))();
    await this.opts.host.updateSheets(finishInspectionEdits(t.plan, name, when)); // 1 round trip
    const date = `${String(when.getDate()).padStart(2, '0')}/${String(when.getMonth() + 1).padStart(2, '0')}/${when.getFullYear()}`;
    this.stamp = { ...this.stamp, inspectionStatus: 'finished', inspector: name, inspectionDate: date };
    this.renderInspectionPanel();
    this.message(this.els.inspectionMsg, 'success', this.t('finished', { name, date }));
  }

  private async reopenInspection(): Promise<void> {
    const t = this.template;
    if (!t || t.plan.mode !== 'inspection') return;
    await this.opts.host.updateSheets(reopenInspectionEdits(t.plan));
    this.stamp = { ...this.stamp, inspectionStatus: 'in-progress' };
    this.renderInspectionPanel();
    this.message(this.els.inspectionMsg, 'success', this.t('reopened'));
  }

  // ------------------------------------------------------------------------------------------ consolidate

  private renderConsolidatePanel(): void {
    const panel = this.els['panel-consolidate'];
    if (!panel) return;
    // The browser's own file button speaks the browser's language ("Choose Files"): a label in ours instead.
    const input = h('input', { type: 'file', id: 'files', multiple: true, className: 'visually-hidden', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const chosen = h('span', { className: 'chosen', id: 'files-chosen' }, this.t('noFilesChosen'));
    input.addEventListener('change', () => {
      const n = (input as HTMLInputElement).files?.length ?? 0;
      chosen.textContent = n ? this.t('filesChosen', { n }) : this.t('noFilesChosen');
    });
    const msg = h('div', { className: 'message', role: 'status', id: 'consolidate-msg' });
    const warning = h('div', { className: 'message warning', role: 'status', id: 'consolidate-warning' });
    const progress = h('progress', { id: 'consolidate-progress', max: 1, value: 0, 'aria-label': this.t('readingFile', { i: '', n: '', file: '' }), hidden: true });
    const current = h('div', { className: 'progress-text', id: 'consolidate-file', 'aria-live': 'polite' });
    const result = h('div', { id: 'consolidate-result' });
    const btn = h('button', { type: 'button', className: 'primary', id: 'consolidate-btn' }, this.t('consolidateButton'));
    btn.addEventListener('click', () =>
      void this.guard(msg, () => this.consolidate(Array.from((input as HTMLInputElement).files ?? []), { msg, warning, progress, current, result }), btn),
    );
    clear(
      panel,
      h('p', {}, this.t('consolidateIntro')),
      h('p', {}, this.t('pickFiles')),
      h('div', { className: 'actions' }, h('label', { for: 'files', className: 'button', id: 'files-label' }, this.t('chooseFiles')), chosen),
      input,
      h('div', { className: 'actions' }, btn),
      progress,
      current,
      msg,
      warning,
      result,
    );
    if (this.consolidation) this.renderConsolidation(result);
  }

  private async consolidate(files: FileLike[], ui: { msg: HTMLElement; warning: HTMLElement; progress: HTMLProgressElement; current: HTMLElement; result: HTMLElement }): Promise<void> {
    const caps = this.opts.host.capabilities();
    if (!caps.rankingSheets) {
      this.message(ui.msg, 'error', this.t('needRankingApi', { have: caps.apiVersion, need: RANKING_EXCEL_API }));
      return;
    }
    if (!files.length) {
      this.message(ui.msg, 'error', this.t('noFiles'));
      return;
    }
    if (!this.opts.loadScorer) throw new Error('no workbook reader');
    clear(ui.msg);
    clear(ui.warning);
    clear(ui.result);
    this.consolidation = null;
    const score = await this.opts.loadScorer();
    ui.progress.hidden = false;
    ui.progress.max = files.length;
    const { ranking, outcomes, sources } = await readWorkbooks(files, {
      score,
      onProgress: (p) => {
        ui.progress.value = p.index;
        ui.current.textContent = p.file ? this.t('readingFile', { i: p.index + 1, n: p.total, file: p.file }) : this.t('readDone', { n: p.total });
      },
    });
    this.consolidation = { ranking, outcomes, sources };
    if (!ranking.units.length) {
      this.message(ui.msg, 'error', this.t('nothingRanked'));
      this.renderConsolidation(ui.result);
      return;
    }
    this.message(ui.msg, 'info', this.t('writingSheets'));
    const when = (this.opts.now ?? (() => new Date()))();
    const layouts = rankingSheetLayouts(ranking, { lang: this.lang, when, stamp: when.getTime().toString(36) });
    await this.opts.host.replaceOwnSheets(layouts, RANKING_MARKER);
    this.message(ui.msg, 'success', this.t('consolidated', { sheets: Object.values(RANKING_SHEET_NAMES).join(', '), ranked: ranking.ranked, refused: ranking.refused }));
    const notes = this.hostShortfalls(false);
    if (notes.length) this.message(ui.warning, 'warning', notes.join(' '));
    this.renderConsolidation(ui.result);
  }

  private renderConsolidation(el: HTMLElement): void {
    const c = this.consolidation;
    if (!c) return;
    const { ranking } = c;
    const refused = ranking.sources.filter((s) => s.status === 'refused');
    const bad = refused.length
      ? h(
          'details',
          { className: 'panel', open: true, id: 'bad-files' },
          h('summary', {}, this.t('badFiles', { n: refused.length })),
          h(
            'ul',
            { className: 'problems' },
            ...refused.map((s) => {
              const errs = s.problems.filter((p) => p.severity === 'error');
              const reasons = (errs.length ? errs : s.problems).slice(0, 3).map((p) => p.messages[this.lang]);
              return h('li', { className: 'static error', 'data-file': s.file }, h('span', { className: 'where' }, `${s.file} · ${this.t('refusedReason')}`), reasons.join(' · '));
            }),
          ),
        )
      : null;
    const ranked = ranking.units.length
      ? h(
          'details',
          { className: 'panel', open: true },
          h('summary', {}, this.t('rankingTitle')),
          h(
            'ol',
            { className: 'ranking', id: 'ranking-list' },
            ...ranking.units.map((u) =>
              h(
                'li',
                { value: u.rank },
                h('span', { className: 'unit' }, u.unit),
                h('span', { className: 'score' }, formatPoints(u.final, this.lang)),
                u.awards.length ? h('span', { className: 'award' }, u.awards.map((a) => a.label[this.lang]).join('; ')) : null,
              ),
            ),
          ),
        )
      : null;
    clear(el, bad, ranked, ranking.units.length ? yearEndButton(c, this.lang) : null);
  }
}
