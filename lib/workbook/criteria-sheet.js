"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadCriteriaWorkbook = loadCriteriaWorkbook;
const criteria_sheet_1 = require("../core/criteria-sheet");
const open_1 = require("./open");
async function loadCriteriaWorkbook(bytes, file) {
    const { opened, problems } = await (0, open_1.openWorkbook)(bytes, file);
    if (!opened)
        return { set: null, def: null, problems };
    const r = (0, criteria_sheet_1.criteriaFromGrids)(opened.grids, file);
    return { ...r, problems: [...problems, ...r.problems] };
}
