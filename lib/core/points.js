"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SCALE = void 0;
exports.toMilli = toMilli;
exports.fromMilli = fromMilli;
exports.exact = exact;
exports.onStep = onStep;
exports.floorToStep = floorToStep;
exports.formatPoints = formatPoints;
exports.SCALE = 1000;
function toMilli(x) {
    return Math.round(x * exports.SCALE);
}
function fromMilli(m) {
    return m / exports.SCALE;
}
/** Round a number to 3 decimals the same way everywhere (used for display and JSON). */
function exact(x) {
    return fromMilli(toMilli(x));
}
/** True when x lies on the grid of `step` (a multiple of it), within the milli-point resolution. */
function onStep(x, step) {
    if (!(step > 0))
        return true;
    const m = toMilli(x);
    const s = toMilli(step);
    return s === 0 || m % s === 0;
}
/** Largest multiple of step that is <= x (formula results are rounded down to the grid). */
function floorToStep(x, step) {
    if (!(step > 0))
        return exact(x);
    const q = Math.floor(x / step + 1e-9);
    return fromMilli(q * toMilli(step));
}
/** Format for people: decimal comma in Vietnamese, no trailing zeros. */
function formatPoints(x, lang = 'vi') {
    if (x === null || x === undefined || Number.isNaN(x))
        return '—';
    const s = String(exact(x));
    return lang === 'vi' ? s.replace('.', ',') : s;
}
