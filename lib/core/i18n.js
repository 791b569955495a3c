"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_LANG = void 0;
exports.pickLang = pickLang;
exports.fill = fill;
exports.DEFAULT_LANG = 'vi';
function pickLang(value) {
    return value && value.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
/** Replace {name} placeholders; numbers are shown with a decimal comma in Vietnamese. */
function fill(template, params, lang) {
    return template.replace(/\{(\w+)\}/g, (_, k) => {
        const v = params[k];
        if (v === undefined || v === null)
            return '';
        if (typeof v === 'number') {
            const s = String(Math.round(v * 1000) / 1000);
            return lang === 'vi' ? s.replace('.', ',') : s;
        }
        // A detail given in both languages ({ vi, en }) is shown in the message's own.
        if (typeof v === 'object' && typeof v[lang] === 'string')
            return v[lang];
        return String(v);
    });
}
