/**
 * The year-end documents from the consolidation tab: the same three .docx as `thidua report` (minutes
 * per school, scoring and ranking report, award proposal), made in the pane from the workbooks just
 * consolidated and offered as downloads. The .docx writer (the `docx` library) is loaded only when the
 * button is pressed. Nothing leaves the machine.
 */
import type { Lang } from '../../engine/core/i18n';
import type { Ranking, RankSource } from '../../engine/core/rank/ranking';
import type { YearEndFile } from '../../engine/workbook/docx/year-end';
import { h } from '../taskpane/dom';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type YearEndWriter = typeof import('../../engine/workbook/docx/year-end').yearEndDocx;
const loadWriter = async (): Promise<YearEndWriter> => (await import(/* webpackChunkName: "year-end-docx" */ '../../engine/workbook/docx/year-end')).yearEndDocx;

const WORDS = {
  vi: { button: 'Tạo biên bản, báo cáo, tờ trình (.docx)', working: 'Đang tạo văn bản...', done: (n: number) => `Đã tạo ${n} văn bản; điền các chỗ tô vàng trước khi ban hành.` },
  en: { button: 'Make the minutes, report and proposal (.docx)', working: 'Making the documents...', done: (n: number) => `${n} documents made; fill the yellow blanks before issuing.` },
};

/** The documents of a consolidation, as files to offer (pure apart from loading the writer). */
export async function yearEndFiles(c: { ranking: Ranking; sources: RankSource[] }, lang: Lang, writer?: YearEndWriter): Promise<YearEndFile[]> {
  const write = writer ?? (await loadWriter());
  return (await write({ ranking: c.ranking, sources: c.sources, lang })).files;
}

export function downloadBytes(name: string, bytes: Uint8Array, type = DOCX_MIME): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = h('a', { href: url, download: name, className: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The button (and its status line) for the consolidation panel. */
export function yearEndButton(c: { ranking: Ranking; sources: RankSource[] }, lang: Lang, download: (name: string, bytes: Uint8Array) => void = downloadBytes): HTMLElement {
  const w = WORDS[lang];
  const status = h('div', { className: 'message', role: 'status', id: 'year-end-msg' });
  const btn = h('button', { type: 'button', id: 'year-end-btn' }, w.button);
  btn.addEventListener('click', () => {
    btn.disabled = true;
    status.textContent = w.working;
    yearEndFiles(c, lang)
      .then((files) => {
        for (const f of files) download(f.name, f.bytes);
        status.textContent = w.done(files.length);
      })
      .catch((e: unknown) => (status.textContent = String((e as Error)?.message ?? e)))
      .finally(() => (btn.disabled = false));
  });
  return h('div', { className: 'panel', id: 'year-end' }, btn, status);
}
