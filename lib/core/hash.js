"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.canonicalJson = canonicalJson;
exports.sha256Hex = sha256Hex;
exports.hashCriteriaSet = hashCriteriaSet;
let nobleLib;
function noble() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (nobleLib ??= { ...require('@noble/hashes/sha256'), ...require('@noble/hashes/utils') });
}
/** JSON with object keys sorted, so equal data always hashes the same whatever the key order. */
function canonicalJson(value) {
    return JSON.stringify(value, (_k, v) => v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
        : v);
}
function sha256Hex(data) {
    const { bytesToHex, sha256, utf8ToBytes } = noble();
    return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}
/** The identity of a criteria set: SHA-256 of its canonical JSON. */
function hashCriteriaSet(def) {
    return sha256Hex(canonicalJson(def));
}
