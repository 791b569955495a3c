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
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.criteriaFromGrids = exports.DEFAULT_AWARD_RULE = exports.awardRuleNames = exports.getAwardRule = exports.registerAwardRule = exports.DEFAULT_TIE_BREAKERS = exports.tieBreakerNames = exports.getTieBreaker = exports.registerTieBreaker = exports.DEFAULT_KIND = exports.kindNames = exports.getKind = exports.registerKind = exports.FORMULA_LIMITS = exports.FormulaError = exports.createSandbox = exports.sandbox = exports.criteriaSetSchema = void 0;
/**
 * The scoring microkernel's public API. Pipeline: load criteria set -> compile -> evaluate a submission
 * -> aggregate -> validate -> reconcile -> rank. Pure TypeScript: no Office.js, no Node-only modules,
 * so the add-in bundles it as is.
 */
__exportStar(require("./model"), exports);
__exportStar(require("./points"), exports);
__exportStar(require("./problems"), exports);
__exportStar(require("./i18n"), exports);
__exportStar(require("./compile"), exports);
__exportStar(require("./evaluate"), exports);
__exportStar(require("./lint"), exports);
__exportStar(require("./load"), exports);
__exportStar(require("./hash"), exports);
__exportStar(require("./values"), exports);
var schema_1 = require("./schema");
Object.defineProperty(exports, "criteriaSetSchema", { enumerable: true, get: function () { return schema_1.criteriaSetSchema; } });
var sandbox_1 = require("./sandbox");
Object.defineProperty(exports, "sandbox", { enumerable: true, get: function () { return sandbox_1.sandbox; } });
Object.defineProperty(exports, "createSandbox", { enumerable: true, get: function () { return sandbox_1.createSandbox; } });
Object.defineProperty(exports, "FormulaError", { enumerable: true, get: function () { return sandbox_1.FormulaError; } });
Object.defineProperty(exports, "FORMULA_LIMITS", { enumerable: true, get: function () { return sandbox_1.LIMITS; } });
var kinds_1 = require("./kinds");
Object.defineProperty(exports, "registerKind", { enumerable: true, get: function () { return kinds_1.registerKind; } });
Object.defineProperty(exports, "getKind", { enumerable: true, get: function () { return kinds_1.getKind; } });
Object.defineProperty(exports, "kindNames", { enumerable: true, get: function () { return kinds_1.kindNames; } });
Object.defineProperty(exports, "DEFAULT_KIND", { enumerable: true, get: function () { return kinds_1.DEFAULT_KIND; } });
var tiebreakers_1 = require("./rank/tiebreakers");
Object.defineProperty(exports, "registerTieBreaker", { enumerable: true, get: function () { return tiebreakers_1.registerTieBreaker; } });
Object.defineProperty(exports, "getTieBreaker", { enumerable: true, get: function () { return tiebreakers_1.getTieBreaker; } });
Object.defineProperty(exports, "tieBreakerNames", { enumerable: true, get: function () { return tiebreakers_1.tieBreakerNames; } });
Object.defineProperty(exports, "DEFAULT_TIE_BREAKERS", { enumerable: true, get: function () { return tiebreakers_1.DEFAULT_TIE_BREAKERS; } });
var awards_1 = require("./rank/awards");
Object.defineProperty(exports, "registerAwardRule", { enumerable: true, get: function () { return awards_1.registerAwardRule; } });
Object.defineProperty(exports, "getAwardRule", { enumerable: true, get: function () { return awards_1.getAwardRule; } });
Object.defineProperty(exports, "awardRuleNames", { enumerable: true, get: function () { return awards_1.awardRuleNames; } });
Object.defineProperty(exports, "DEFAULT_AWARD_RULE", { enumerable: true, get: function () { return awards_1.DEFAULT_AWARD_RULE; } });
__exportStar(require("./grid"), exports);
__exportStar(require("./report"), exports);
var criteria_sheet_1 = require("./criteria-sheet");
Object.defineProperty(exports, "criteriaFromGrids", { enumerable: true, get: function () { return criteria_sheet_1.criteriaFromGrids; } });
__exportStar(require("./rank/ranking"), exports);
__exportStar(require("./template/plan"), exports);
__exportStar(require("./familiar"), exports);
