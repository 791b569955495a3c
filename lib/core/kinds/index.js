"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_KIND = exports.kindNames = exports.getKind = exports.registerKind = void 0;
const registry_1 = require("../registry");
const bonus_1 = require("./bonus");
const checklist_1 = require("./checklist");
const deduction_1 = require("./deduction");
const formula_1 = require("./formula");
const manual_1 = require("./manual");
const tiers_1 = require("./tiers");
const kinds = (0, registry_1.createRegistry)([manual_1.manual, formula_1.formula, checklist_1.checklist, tiers_1.tiers, bonus_1.bonus, deduction_1.deduction]);
exports.registerKind = kinds.register;
exports.getKind = kinds.get;
exports.kindNames = kinds.names;
/** The kind a leaf gets when it names none, by the role of its section. */
exports.DEFAULT_KIND = { base: 'manual', bonus: 'bonus', deduction: 'deduction' };
