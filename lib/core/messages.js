"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MESSAGES = void 0;
/**
 * The message catalog: every code a user can see, in Vietnamese and English. Each area owns one file in
 * messages/ so that adding codes never touches another area's catalog.
 */
const kernel_1 = require("./messages/kernel");
const criteria_1 = require("./messages/criteria");
const workbook_1 = require("./messages/workbook");
const familiar_1 = require("./messages/familiar");
const rank_1 = require("./messages/rank");
const files_1 = require("./messages/files");
const addin_1 = require("./messages/addin");
const cli_1 = require("./messages/cli");
exports.MESSAGES = {
    ...kernel_1.KERNEL_MESSAGES,
    ...criteria_1.CRITERIA_MESSAGES,
    ...workbook_1.WORKBOOK_MESSAGES,
    ...familiar_1.FAMILIAR_MESSAGES,
    ...rank_1.RANK_MESSAGES,
    ...files_1.FILE_MESSAGES,
    ...addin_1.ADDIN_MESSAGES,
    ...cli_1.CLI_MESSAGES,
};
