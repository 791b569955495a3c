"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CERTAIN = void 0;
exports.registerLayout = registerLayout;
exports.layouts = layouts;
exports.pickLayout = pickLayout;
const registry = [];
function registerLayout(layout) {
    const i = registry.findIndex((l) => l.name === layout.name);
    if (i >= 0)
        registry[i] = layout;
    else
        registry.push(layout);
}
function layouts() {
    return registry;
}
/** A layout that recognises its own marks answers CERTAIN; the others are then not asked. */
exports.CERTAIN = 100;
function pickLayout(input) {
    let best = null;
    let score = 0;
    for (const l of registry) {
        const s = l.detect(input);
        if (s > score)
            (best = l), (score = s);
        if (s >= exports.CERTAIN)
            break; // guessing layouts scan every sheet; no need once one is sure
    }
    return best;
}
