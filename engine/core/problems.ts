import { Bilingual, DEFAULT_LANG, Lang, fill } from './i18n';
import { MESSAGES } from './messages';
import { escapeControls } from './unit-name';

export type Severity = 'error' | 'warning';

/** Where a problem is: any of these may be absent (a criteria set has lines, a workbook has cells). */
export interface Location {
  file?: string;
  sheet?: string;
  cell?: string;
  criterion?: string;
  line?: number;
  column?: 'self' | 'inspected';
  path?: string;
}

/**
 * One finding. `code` is stable (tests and automation rely on it); `message` is in the requested
 * language and `messages` carries both.
 */
export interface Problem extends Location {
  severity: Severity;
  code: string;
  message: string;
  messages: Bilingual;
  params?: Record<string, unknown>;
}

export type MessageCode = keyof typeof MESSAGES;

export function problem(
  code: MessageCode,
  params: Record<string, unknown> = {},
  where: Location = {},
  severity?: Severity,
): Problem {
  const def = MESSAGES[code];
  const messages = { vi: fill(def.vi, params, 'vi'), en: fill(def.en, params, 'en') };
  const p: Problem = {
    severity: severity ?? def.severity,
    code,
    message: messages[DEFAULT_LANG],
    messages,
    ...stripUndefined(where),
  };
  if (Object.keys(params).length) p.params = params;
  return p;
}

/** Re-render problems' `message` in a language (the catalog text is kept in `messages`). */
export function localize(problems: Problem[], lang: Lang): Problem[] {
  return problems.map((p) => ({ ...p, message: p.messages[lang] }));
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Human one-liner: "file › sheet!cell [criterion] message (code)". */
export function formatProblem(p: Problem, lang: Lang = DEFAULT_LANG): string {
  const where: string[] = [];
  if (p.file) where.push(p.file);
  if (p.sheet || p.cell) where.push(`${p.sheet ?? ''}${p.sheet && p.cell ? '!' : ''}${p.cell ?? ''}`);
  if (p.line) where.push(`${lang === 'vi' ? 'dòng' : 'line'} ${p.line}`);
  const crit = p.criterion ? ` [${p.criterion}]` : '';
  const sev = p.severity === 'error' ? (lang === 'vi' ? 'LỖI' : 'ERROR') : lang === 'vi' ? 'CẢNH BÁO' : 'WARNING';
  const head = `${where.join(' › ')}${crit}`.trim();
  // Text from inputs (unit names, file and sheet names, cell text) never reaches a terminal raw.
  return escapeControls(`${sev}${head ? ` ${head}` : ''}: ${p.messages[lang]} (${p.code})`).replace(/[\n\t]/g, ' ');
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
