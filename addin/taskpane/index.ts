/**
 * Task pane entry: waits for Office.js (loaded from Microsoft's CDN by the HTML), refuses clearly outside
 * Excel or on an Excel without the needed requirement set, paints the pane's frame (tabs usable at once),
 * then loads the pane itself (app.ts with the engine, mathjs and the bundled criteria set: a chunk of
 * its own, fetched after first paint) and starts it on the Office.js adapter.
 */
import { pickLang, type Lang } from '../../engine/core/i18n';
import { ExcelAdapter, MIN_EXCEL_API } from '../office/adapter';
import type { ScoreFn } from '../consolidate/read-files';
import type { TemplateWriter } from './app';
import { clear, h } from './dom';
import { tr } from './i18n';
import { renderShell, selectTab, type Tab } from './shell';

const LANG_KEY = 'thidua.lang';
const OFFICE_TIMEOUT_MS = 10_000;

function savedLang(): string | null {
  try {
    return window.localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

function saveLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* storage may be disabled in the host: the choice then lasts for this session */
  }
}

/** Both languages: we do not know which one the reader prefers before Office tells us. */
function showBilingual(root: HTMLElement, vi: string, en: string): void {
  clear(root, h('div', { className: 'outside', role: 'alert', id: 'outside' }, h('p', { lang: 'vi' }, vi), h('p', { lang: 'en' }, en)));
  root.setAttribute('aria-busy', 'false');
}

function outsideExcel(root: HTMLElement): void {
  showBilingual(root, tr('vi', 'needExcel'), tr('en', 'needExcel'));
}

function boot(): void {
  const root = document.getElementById('app')!;
  // boot.js found a webview that cannot run the pane (Trident) and said so: leave its message.
  if ((window as unknown as { __thiduaLegacy?: boolean }).__thiduaLegacy) return;
  // No Office global: Microsoft's Office.js did not load (offline), in Excel or in a plain browser.
  if (typeof Office === 'undefined') return showBilingual(root, tr('vi', 'officeJsMissing'), tr('en', 'officeJsMissing'));
  let ready = false;
  const timer = setTimeout(() => {
    if (!ready) outsideExcel(root);
  }, OFFICE_TIMEOUT_MS);
  void Office.onReady((info) => {
    ready = true;
    clearTimeout(timer);
    if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') return outsideExcel(root);
    const lang = pickLang(savedLang() ?? Office.context.displayLanguage);
    const host = new ExcelAdapter(Excel, Office.context.requirements);
    const caps = host.capabilities();
    if (!caps.supported) {
      const params = { have: caps.apiVersion, need: MIN_EXCEL_API };
      return showBilingual(root, tr('vi', 'oldExcel', params), tr('en', 'oldExcel', params));
    }
    // The frame first: tabs on screen and usable before the engine is fetched and parsed.
    let tab: Tab = 'import';
    let current: Lang = lang;
    const paint = () => {
      const shell = renderShell(root, {
        lang: current,
        tab,
        onSelect: (id) => {
          tab = id;
          selectTab(root, id);
        },
        onSwitchLang: () => {
          current = current === 'vi' ? 'en' : 'vi';
          saveLang(current);
          paint();
        },
      });
      for (const p of Object.values(shell.panels)) clear(p, h('p', { className: 'boot' }, tr(current, 'loadingPanel')));
    };
    paint();
    const loadWriter = async (): Promise<TemplateWriter> => (await import(/* webpackChunkName: "template-writer" */ '../../engine/workbook/template/write')).writeTemplate;
    // The workbook reader (exceljs) for consolidation, fetched right after the pane has started so that it
    // works offline afterwards; files are read in the pane only.
    let scorer: Promise<ScoreFn> | null = null;
    const loadScorer = (): Promise<ScoreFn> => {
      scorer ??= import(/* webpackChunkName: "workbook-reader" */ '../../engine/workbook/score').then((m) => m.scoreWorkbook);
      scorer.catch(() => (scorer = null)); // a failed load (offline before it finished) is retried on use
      return scorer;
    };
    // Fetched once that frame is on screen: parsing the engine's chunks is one long task that would
    // otherwise come before the first paint (a hidden pane gets no frame: the timer starts it anyway).
    let loading = false;
    const load = () => {
      if (loading) return;
      loading = true;
      void loadPane();
    };
    requestAnimationFrame(() => setTimeout(load, 0));
    setTimeout(load, 250);
    const loadPane = () => Promise.all([
      import(/* webpackChunkName: "pane" */ './app'),
      import(/* webpackChunkName: "pane" */ '../../templates/cum-thi-dua-2024.criteria.yaml'),
    ]).then(
      ([{ App }, { default: bundledCriteria }]) => {
        const app = new App(root, { host, lang: current, tab, bundledCriteria, loadWriter, loadScorer, onLangChange: saveLang, platform: String(Office.context.platform ?? info.platform ?? '') });
        app.start().then(
          () => loadScorer().catch(() => undefined), // offline now: loaded again when consolidating
          (e: unknown) => {
            showBilingual(root, `${tr('vi', 'unexpected')} (${String((e as Error)?.message ?? e)})`, `${tr('en', 'unexpected')} (${String((e as Error)?.message ?? e)})`);
          },
        );
      },
      () => showBilingual(root, tr('vi', 'paneLoadFailed'), tr('en', 'paneLoadFailed')),
    );
  });
}

boot();
