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
exports.DEMO_DATA_FILE = exports.DEMO_DIR = void 0;
exports.demoHeader = demoHeader;
exports.loadDemoData = loadDemoData;
/**
 * The bundled example year (templates/demo/cluster-2024.yaml): seven schools' self scores and what the
 * cross-inspection changed, turned into the entries, evidence and remarks of each school's workbook.
 */
const fs_1 = require("fs");
const path = __importStar(require("path"));
exports.DEMO_DIR = path.resolve(__dirname, '../../templates/demo');
exports.DEMO_DATA_FILE = path.join(exports.DEMO_DIR, 'cluster-2024.yaml');
/** Read the raw file (no criteria set needed): where the criteria set is and the year. */
function demoHeader(file = exports.DEMO_DATA_FILE) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('yaml');
    const raw = parse((0, fs_1.readFileSync)(file, 'utf8'));
    return { criteria: path.resolve(path.dirname(file), String(raw.criteria)), year: Number(raw.year), raw };
}
/** The schools' entries, checked against the criteria set (an unknown key is a bug in the data file). */
function loadDemoData(set, file = exports.DEMO_DATA_FILE) {
    const { criteria, year, raw } = demoHeader(file);
    const evidenceText = (raw.evidence ?? {});
    const schools = raw.schools.map((s) => {
        const unit = String(s.unit);
        const self = { ...s.self };
        const inspected = { ...self };
        const remarks = {};
        for (const [key, ch] of Object.entries((s.inspection ?? {}))) {
            inspected[key] = ch.value;
            if (!ch.remark)
                continue;
            // A criterion's remark sits on its row; an indicator's goes to the criteria computed from it.
            const spec = set.entryByKey.get(key);
            const targets = spec?.criterion ? [spec.criterion] : set.leaves.filter((l) => l.impl.uses.includes(key.replace(/^@/, ''))).map((l) => l.id);
            for (const t of targets)
                remarks[t] = remarks[t] ? `${remarks[t]}; ${ch.remark}` : ch.remark;
        }
        for (const k of [...Object.keys(self), ...Object.keys(inspected)])
            if (!set.entryByKey.has(k))
                throw new Error(`${path.basename(file)}: ${unit}: unknown entry "${k}" for criteria set ${set.id}`);
        const evidence = {};
        for (const leaf of set.leaves)
            if (leaf.evidence && evidenceText[leaf.id])
                evidence[leaf.id] = evidenceText[leaf.id];
        return { unit, file: String(s.file), self, inspected, remarks, evidence };
    });
    return { criteria, year, schools };
}
