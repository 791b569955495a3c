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
exports.familiarVocabulary = exports.masterCell = exports.textKey = exports.parsePoints = exports.SheetFormulas = exports.labelRoles = exports.findTableOnSheet = exports.findTable = exports.sectionRole = exports.numberingInText = exports.numberingOf = exports.readOutline = exports.classifyTotals = exports.parseClassification = exports.locateOutline = exports.importFamiliar = void 0;
/**
 * The cluster's familiar scoring table: locating it on a sheet, reading its outline, importing it as a
 * criteria set. Pure (works on Grids), so the add-in imports the active sheet through Office.js too.
 */
var import_1 = require("./import");
Object.defineProperty(exports, "importFamiliar", { enumerable: true, get: function () { return import_1.importFamiliar; } });
Object.defineProperty(exports, "locateOutline", { enumerable: true, get: function () { return import_1.locateOutline; } });
Object.defineProperty(exports, "parseClassification", { enumerable: true, get: function () { return import_1.parseClassification; } });
Object.defineProperty(exports, "classifyTotals", { enumerable: true, get: function () { return import_1.classifyTotals; } });
var outline_1 = require("./outline");
Object.defineProperty(exports, "readOutline", { enumerable: true, get: function () { return outline_1.readOutline; } });
Object.defineProperty(exports, "numberingOf", { enumerable: true, get: function () { return outline_1.numberingOf; } });
Object.defineProperty(exports, "numberingInText", { enumerable: true, get: function () { return outline_1.numberingInText; } });
Object.defineProperty(exports, "sectionRole", { enumerable: true, get: function () { return outline_1.sectionRole; } });
var table_1 = require("./table");
Object.defineProperty(exports, "findTable", { enumerable: true, get: function () { return table_1.findTable; } });
Object.defineProperty(exports, "findTableOnSheet", { enumerable: true, get: function () { return table_1.findTableOnSheet; } });
Object.defineProperty(exports, "labelRoles", { enumerable: true, get: function () { return table_1.labelRoles; } });
var formula_1 = require("./formula");
Object.defineProperty(exports, "SheetFormulas", { enumerable: true, get: function () { return formula_1.SheetFormulas; } });
var text_1 = require("./text");
Object.defineProperty(exports, "parsePoints", { enumerable: true, get: function () { return text_1.parsePoints; } });
Object.defineProperty(exports, "textKey", { enumerable: true, get: function () { return text_1.textKey; } });
Object.defineProperty(exports, "masterCell", { enumerable: true, get: function () { return text_1.masterCell; } });
exports.familiarVocabulary = __importStar(require("./vocabulary"));
