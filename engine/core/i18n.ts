/** Languages the product speaks. Vietnamese is the default everywhere. */
export type Lang = 'vi' | 'en';
export const DEFAULT_LANG: Lang = 'vi';

export interface Bilingual {
  vi: string;
  en: string;
}

export function pickLang(value: string | undefined | null): Lang {
  return value && value.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** Replace {name} placeholders; numbers are shown with a decimal comma in Vietnamese. */
export function fill(template: string, params: Record<string, unknown>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined || v === null) return '';
    if (typeof v === 'number') {
      const s = String(Math.round(v * 1000) / 1000);
      return lang === 'vi' ? s.replace('.', ',') : s;
    }
    // A detail given in both languages ({ vi, en }) is shown in the message's own.
    if (typeof v === 'object' && typeof (v as Record<string, unknown>)[lang] === 'string') return (v as Record<Lang, string>)[lang];
    return String(v);
  });
}
