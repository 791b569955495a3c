"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildProgram = buildProgram;
exports.main = main;
/**
 * `thidua` command line. Exit codes: 0 success, 1 the inputs have problems of severity error, 2 usage
 * error or unreadable input. Never prints a stack trace to a user (THIDUA_DEBUG=1 shows it).
 */
const commander_1 = require("commander");
const core_1 = require("../core");
const commands_1 = require("./commands");
const context_1 = require("./context");
function buildProgram() {
    const program = new commander_1.Command();
    program
        .name('thidua')
        .description('Chấm điểm thi đua Cụm trường chính trị / emulation-cluster scoring')
        .option('--lang <vi|en>', 'ngôn ngữ / language (default vi)')
        .enablePositionalOptions()
        .showHelpAfterError()
        .exitOverride();
    // --lang before or after the command name; the command's own wins.
    program.hook('preAction', (_program, action) => {
        const lang = action.opts().lang ?? program.opts().lang;
        if (lang)
            process.env.THIDUA_LANG = lang;
    });
    for (const c of commands_1.COMMANDS)
        c.register(program);
    // --lang is accepted before or after the command name.
    for (const cmd of program.commands)
        if (!cmd.options.some((o) => o.long === '--lang'))
            cmd.option('--lang <vi|en>', 'ngôn ngữ / language');
    for (const cmd of program.commands)
        cmd.exitOverride();
    return program;
}
async function main(argv) {
    const program = buildProgram();
    try {
        await program.parseAsync(argv, { from: 'user' });
        return typeof process.exitCode === 'number' ? process.exitCode : context_1.EXIT.ok;
    }
    catch (e) {
        if (e instanceof commander_1.CommanderError) {
            if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version')
                return context_1.EXIT.ok;
            return context_1.EXIT.usage;
        }
        const lang = (0, context_1.langOf)({ lang: argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined });
        if (e instanceof context_1.UsageError) {
            for (const p of e.problems)
                process.stderr.write(`${(0, core_1.formatProblem)(p, lang)}\n`);
            return context_1.EXIT.usage;
        }
        process.stderr.write(lang === 'vi'
            ? `Lỗi không mong đợi: ${e?.message ?? e}. Hãy gửi tệp và lệnh này cho nhóm phát triển.\n`
            : `Unexpected error: ${e?.message ?? e}. Please report it with the file and command.\n`);
        if (process.env.THIDUA_DEBUG)
            process.stderr.write(`${e?.stack}\n`);
        return context_1.EXIT.usage;
    }
}
if (require.main === module || process.env.THIDUA_CLI_ENTRY === '1') {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}
