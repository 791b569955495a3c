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
exports.canonicalPath = canonicalPath;
exports.checkOutputPath = checkOutputPath;
exports.checkOutputFolder = checkOutputFolder;
exports.writeOutputAtomic = writeOutputAtomic;
/**
 * Writing outputs safely: to a temporary file in the same folder, then renamed over the target, so a
 * reader never sees half a file and a crash leaves the old output intact. An existing file is kept
 * unless --force, and an input is never overwritten.
 */
const fs_1 = require("fs");
const path = __importStar(require("path"));
const core_1 = require("../core");
const context_1 = require("./context");
const sys_errors_1 = require("./sys-errors");
/** The canonical form of a path that may not exist yet (its folder resolved through symlinks). */
function canonicalPath(p) {
    const abs = path.resolve(p);
    try {
        return (0, fs_1.realpathSync)(abs);
    }
    catch {
        try {
            return path.join((0, fs_1.realpathSync)(path.dirname(abs)), path.basename(abs));
        }
        catch {
            return abs;
        }
    }
}
/** Refusals before any work is done (so a long run does not end in "file exists"). */
function checkOutputPath(target, opts = {}) {
    const canon = canonicalPath(target);
    for (const i of opts.inputs ?? [])
        if (canonicalPath(i) === canon)
            throw new context_1.UsageError([(0, core_1.problem)('output_is_input', { path: target })]);
    let st;
    try {
        st = (0, fs_1.statSync)(target);
    }
    catch (e) {
        if ((0, sys_errors_1.errnoCode)(e) === 'ENOENT' || (0, sys_errors_1.errnoCode)(e) === 'ENOTDIR')
            return checkOutputFolder(target, opts);
        throw new context_1.UsageError([(0, core_1.problem)('output_write_failed', { path: target, detail: (0, sys_errors_1.systemDetail)(e) })]);
    }
    if (st.isDirectory())
        throw new context_1.UsageError([(0, core_1.problem)('output_write_failed', { path: target, detail: (0, sys_errors_1.systemDetail)({ code: 'EISDIR' }) })]);
    if (!opts.force)
        throw new context_1.UsageError([(0, core_1.problem)('output_exists', { path: target })]);
    checkOutputFolder(target, opts);
}
/**
 * The folder the output goes to: it exists (or, with mkdir, its nearest existing ancestor is a folder),
 * it is a folder and not a file, and it can be written to. Checked before any work is done.
 */
function checkOutputFolder(target, opts = {}) {
    const parent = path.dirname(path.resolve(target));
    // The nearest part of the path that exists.
    let dir = parent;
    let st;
    for (;;) {
        try {
            st = (0, fs_1.statSync)(dir);
            break;
        }
        catch (e) {
            const code = (0, sys_errors_1.errnoCode)(e);
            if (code !== 'ENOENT' && code !== 'ENOTDIR')
                throw new context_1.UsageError([(0, core_1.problem)('output_dir_not_writable', { parent: dir, detail: (0, sys_errors_1.systemDetail)(e) })]);
            const up = path.dirname(dir);
            if (up === dir)
                return;
            dir = up;
        }
    }
    if (!st.isDirectory())
        throw new context_1.UsageError([(0, core_1.problem)('output_parent_is_file', { path: target, parent: dir })]);
    if (dir !== parent && !opts.mkdir)
        throw new context_1.UsageError([(0, core_1.problem)('output_dir_missing', { path: target, parent })]);
    try {
        (0, fs_1.accessSync)(dir, fs_1.constants.W_OK);
    }
    catch (e) {
        throw new context_1.UsageError([(0, core_1.problem)('output_dir_not_writable', { parent: dir, detail: (0, sys_errors_1.systemDetail)(e) })]);
    }
}
function writeOutputAtomic(target, bytes, opts = {}) {
    checkOutputPath(target, opts);
    const dir = path.dirname(path.resolve(target));
    const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    try {
        if (opts.mkdir)
            (0, fs_1.mkdirSync)(dir, { recursive: true });
        const fd = (0, fs_1.openSync)(tmp, 'wx', 0o644);
        try {
            let off = 0;
            while (off < data.length)
                off += (0, fs_1.writeSync)(fd, data, off, data.length - off);
            (0, fs_1.fsyncSync)(fd);
        }
        finally {
            (0, fs_1.closeSync)(fd);
        }
        (0, fs_1.renameSync)(tmp, target);
    }
    catch (e) {
        try {
            (0, fs_1.unlinkSync)(tmp);
        }
        catch {
            /* nothing was written */
        }
        throw new context_1.UsageError([(0, core_1.problem)('output_write_failed', { path: target, detail: (0, sys_errors_1.systemDetail)(e) })]);
    }
}
