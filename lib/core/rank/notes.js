"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.note = note;
exports.joinBilingual = joinBilingual;
/** Bilingual notes of the ranking (catalog in messages/rank.ts), filled once per language. */
const i18n_1 = require("../i18n");
const rank_1 = require("../messages/rank");
const isBilingual = (v) => !!v && typeof v === 'object' && 'vi' in v && 'en' in v;
function note(code, params = {}) {
    const def = rank_1.RANK_NOTES[code];
    const pick = (lang) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isBilingual(v) ? v[lang] : v]));
    return { vi: (0, i18n_1.fill)(def.vi, pick('vi'), 'vi'), en: (0, i18n_1.fill)(def.en, pick('en'), 'en') };
}
/** Join bilingual labels with a separator, per language. */
function joinBilingual(items, sep = ', ') {
    return { vi: items.map((i) => i.vi).join(sep), en: items.map((i) => i.en).join(sep) };
}
