/**
 * The pane's frame: header, pinned status, message line, tabs and their panels. Needs neither the engine
 * nor mathjs, so the entry script paints it (tabs usable) while the heavy part of the pane (app.ts and the
 * engine, a chunk of its own) is still loading; App draws the same frame again and fills the panels.
 */
import type { Lang } from '../../engine/core/i18n';
import { clear, h } from './dom';
import { tr, type UiKey } from './i18n';

export type Tab = 'import' | 'template' | 'validate' | 'inspection' | 'consolidate';
export const TABS: Array<{ id: Tab; label: UiKey }> = [
  { id: 'import', label: 'tabImport' },
  { id: 'template', label: 'tabTemplate' },
  { id: 'validate', label: 'tabValidate' },
  { id: 'inspection', label: 'tabInspection' },
  { id: 'consolidate', label: 'tabConsolidate' },
];

export interface Shell {
  status: HTMLElement;
  globalMsg: HTMLElement;
  panels: Record<Tab, HTMLElement>;
}

export interface ShellOptions {
  lang: Lang;
  tab: Tab;
  onSelect: (tab: Tab) => void;
  onSwitchLang: () => void;
}

export function renderShell(root: HTMLElement, o: ShellOptions): Shell {
  const t = (k: UiKey) => tr(o.lang, k);
  document.documentElement.lang = o.lang;
  document.title = t('appTitle');
  const tabs = h('div', { role: 'tablist', 'aria-label': t('tabs') });
  const panels = {} as Record<Tab, HTMLElement>;
  for (const tab of TABS) {
    tabs.append(
      h('button', {
        type: 'button',
        role: 'tab',
        id: `tab-${tab.id}`,
        'aria-controls': `panel-${tab.id}`,
        'aria-selected': String(tab.id === o.tab),
        tabindex: tab.id === o.tab ? 0 : -1,
        onclick: () => o.onSelect(tab.id),
        onkeydown: (e: Event) => tabKey(root, e as KeyboardEvent, tab.id, o.onSelect),
      }, t(tab.label)),
    );
    const panel = h('section', { role: 'tabpanel', id: `panel-${tab.id}`, 'aria-labelledby': `tab-${tab.id}`, tabindex: 0 });
    if (tab.id !== o.tab) panel.hidden = true;
    panels[tab.id] = panel;
  }
  const status = h('div', { className: 'status', role: 'region', 'aria-label': t('selfTotal') });
  const globalMsg = h('div', { className: 'message', role: 'alert' });
  clear(
    root,
    h(
      'header',
      { className: 'bar' },
      h('h1', {}, t('appTitle')),
      h('button', { type: 'button', id: 'lang-switch', 'aria-label': t('switchLangLabel'), lang: o.lang === 'vi' ? 'en' : 'vi', onclick: o.onSwitchLang }, t('switchLang')),
    ),
    status,
    globalMsg,
    tabs,
    ...TABS.map((x) => panels[x.id]),
  );
  return { status, globalMsg, panels };
}

/** Show one tab's panel (aria-selected, roving tabindex). */
export function selectTab(root: HTMLElement, id: Tab): void {
  for (const t of TABS) {
    const btn = root.querySelector(`#tab-${t.id}`) as HTMLElement | null;
    btn?.setAttribute('aria-selected', String(t.id === id));
    if (btn) btn.tabIndex = t.id === id ? 0 : -1;
    const panel = root.querySelector(`#panel-${t.id}`) as HTMLElement | null;
    if (panel) panel.hidden = t.id !== id;
  }
}

function tabKey(root: HTMLElement, e: KeyboardEvent, id: Tab, onSelect: (tab: Tab) => void): void {
  const i = TABS.findIndex((t) => t.id === id);
  const n = TABS.length;
  const next = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i + n - 1) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
  if (next < 0) return;
  e.preventDefault();
  onSelect(TABS[next].id);
  (root.querySelector(`#tab-${TABS[next].id}`) as HTMLElement).focus();
}
