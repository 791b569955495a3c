"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readEntryCell = readEntryCell;
const grid_1 = require("./grid");
const problems_1 = require("./problems");
function readEntryCell(grid, row, col, where, problems) {
    const cell = grid.cell(row, col);
    const at = { ...where, sheet: grid.sheet, cell: (0, grid_1.address)(row, col) };
    const entry = { value: null, sheet: grid.sheet, cell: at.cell };
    const merge = grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
    if (merge && (merge.top !== merge.bottom || merge.left !== merge.right)) {
        problems.push((0, problems_1.problem)('merged_entry', { range: `${(0, grid_1.address)(merge.top, merge.left)}:${(0, grid_1.address)(merge.bottom, merge.right)}` }, at));
        return entry;
    }
    if (!cell)
        return entry;
    if (cell.formula !== undefined) {
        problems.push((0, problems_1.problem)('formula_in_entry', { formula: cell.formula.slice(0, 80) }, at));
        return entry;
    }
    if (cell.error) {
        problems.push((0, problems_1.problem)('error_value', { value: cell.error }, at));
        return entry;
    }
    if (cell.isDate) {
        problems.push((0, problems_1.problem)('date_in_entry', { value: String(cell.value ?? '') }, at));
        return entry;
    }
    entry.value = cell.value;
    return entry;
}
