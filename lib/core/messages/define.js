"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineMessages = defineMessages;
/** Identity helper that keeps the literal keys of a catalog while checking its shape. */
function defineMessages(m) {
    return m;
}
