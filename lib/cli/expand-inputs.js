"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.INPUT_EXTENSIONS = void 0;
exports.expandInputs = expandInputs;
/**
 * Command-line inputs to files: a folder stands for its .xlsx and .json files (not its sub-folders),
 * in name order; Office lock files (~$x.xlsx), hidden files and the paths to leave out (the output,
 * the criteria set) are skipped. A path that does not exist is a usage error.
 */
const fs_1 = require("fs");
const path = __importStar(require("path"));
const core_1 = require("../core");
const context_1 = require("./context");
const fs_out_1 = require("./fs-out");
const sys_errors_1 = require("./sys-errors");
exports.INPUT_EXTENSIONS = ['.xlsx', '.json'];
function expandInputs(args, opts = {}) {
    const exclude = new Set((opts.exclude ?? []).map(fs_out_1.canonicalPath));
    const files = [];
    const seen = new Set();
    const problems = [];
    const add = (f) => {
        const c = (0, fs_out_1.canonicalPath)(f);
        if (seen.has(c) || exclude.has(c))
            return;
        seen.add(c);
        files.push(f);
    };
    for (const arg of args) {
        let st;
        try {
            st = (0, fs_1.statSync)(arg);
        }
        catch (e) {
            throw new context_1.UsageError([(0, core_1.problem)('file_unreadable', { detail: (0, sys_errors_1.systemDetail)(e) }, { file: arg })]);
        }
        if (!st.isDirectory()) {
            add(arg);
            continue;
        }
        const names = (0, fs_1.readdirSync)(arg)
            .filter((n) => !n.startsWith('~$') && !n.startsWith('.') && exports.INPUT_EXTENSIONS.includes(path.extname(n).toLowerCase()))
            .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        let n = 0;
        for (const name of names) {
            const f = path.join(arg, name);
            try {
                if (!(0, fs_1.statSync)(f).isFile())
                    continue;
            }
            catch {
                continue;
            }
            add(f);
            n++;
        }
        if (!n)
            problems.push((0, core_1.problem)('folder_empty', {}, { file: arg }));
    }
    return { files, problems };
}
