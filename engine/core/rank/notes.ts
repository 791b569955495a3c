/** Bilingual notes of the ranking (catalog in messages/rank.ts), filled once per language. */
import { Bilingual, fill } from '../i18n';
import { RANK_NOTES } from '../messages/rank';

export type NoteCode = keyof typeof RANK_NOTES;

/** A parameter is either plain (same in both languages) or bilingual. */
export type NoteParam = string | number | Bilingual;

const isBilingual = (v: unknown): v is Bilingual => !!v && typeof v === 'object' && 'vi' in v && 'en' in v;

export function note(code: NoteCode, params: Record<string, NoteParam> = {}): Bilingual {
  const def = RANK_NOTES[code];
  const pick = (lang: 'vi' | 'en') =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isBilingual(v) ? v[lang] : v]));
  return { vi: fill(def.vi, pick('vi'), 'vi'), en: fill(def.en, pick('en'), 'en') };
}

/** Join bilingual labels with a separator, per language. */
export function joinBilingual(items: Bilingual[], sep = ', '): Bilingual {
  return { vi: items.map((i) => i.vi).join(sep), en: items.map((i) => i.en).join(sep) };
}
