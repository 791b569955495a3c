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
exports.LANGS = void 0;
exports.packageVersion = packageVersion;
exports.langArg = langArg;
exports.buildProgram = buildProgram;
exports.commanderProblem = commanderProblem;
exports.main = main;
/**
 * `thidua` command line. Exit codes: 0 success, 1 the inputs have problems of severity error, 2 usage
 * error or unreadable input. Never prints a stack trace to a user (THIDUA_DEBUG=1 shows it).
 *
 * Everything the user reads is in their language (Vietnamese unless --lang en): the help, the argument
 * parser's errors (commander's own are translated here), system errors. With --json, an error still
 * prints one JSON document on stdout: { ok: false, exitCode, problems }.
 *
 * `main(argv)` runs in the calling process too (the tests use it): it restores process.exitCode and
 * THIDUA_LANG when it returns.
 */
const commander_1 = require("commander");
const path = __importStar(require("path"));
const core_1 = require("../core");
const commands_1 = require("./commands");
const context_1 = require("./context");
const help_text_1 = require("./help-text");
const sys_errors_1 = require("./sys-errors");
exports.LANGS = ['vi', 'en'];
function packageVersion() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path.join(__dirname, '../../package.json')).version;
}
/** The --lang value on the command line (before or after the command name), if any. */
function langArg(argv) {
    let found;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--')
            break;
        if (argv[i] === '--lang')
            found = argv[i + 1] ?? '';
        else if (argv[i].startsWith('--lang='))
            found = argv[i].slice('--lang='.length);
    }
    return found;
}
function buildProgram(lang = 'vi') {
    const program = new commander_1.Command();
    const say = (vi, en) => (lang === 'vi' ? vi : en);
    program
        .name('thidua')
        .description(help_text_1.PROGRAM_TEXT[lang])
        .version(packageVersion(), '-v, --version', say('in số phiên bản', 'print the version'))
        .option('--lang <vi|en>', 'language')
        .helpOption('-h, --help')
        .helpCommand('help [command]', say('hiển thị trợ giúp của một lệnh', 'display help for a command'))
        .enablePositionalOptions()
        .exitOverride();
    for (const c of commands_1.COMMANDS)
        c.register(program);
    // --lang is accepted before or after the command name.
    for (const cmd of program.commands)
        if (!cmd.options.some((o) => o.long === '--lang'))
            cmd.option('--lang <vi|en>', 'language');
    (0, help_text_1.localizeHelp)(program, lang);
    // commander's own error text is replaced by a translated problem (main's catch).
    const output = { outputError: () => { } };
    for (const cmd of [program, ...program.commands]) {
        // A forgotten quote (two file names where one is expected) is an error, not silently ignored.
        if (cmd !== program)
            cmd.allowExcessArguments(false);
        cmd.exitOverride().configureOutput(output).configureHelp({ formatHelp: (0, help_text_1.helpFormatter)(lang) });
        cmd.helpOption('-h, --help', localizedHelpOption(lang));
    }
    return program;
}
const localizedHelpOption = (lang) => (lang === 'vi' ? 'hiển thị trợ giúp' : 'display help');
/** A commander parse error as one of our problems (names and suggestions taken from its message). */
function commanderProblem(e, command) {
    const quoted = [...e.message.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    const mean = /Did you mean (.+?)\?/.exec(e.message)?.[1];
    const suggestion = mean ? { vi: ` (có phải ý bạn là ${mean}?)`, en: ` (did you mean ${mean}?)` } : '';
    const cmd = command ? `thidua ${command}` : 'thidua';
    switch (e.code) {
        case 'commander.missingArgument':
            return (0, core_1.problem)('usage_missing_argument', { name: quoted[0], command: cmd });
        case 'commander.unknownOption':
            return (0, core_1.problem)('usage_unknown_option', { option: quoted[0], suggestion });
        case 'commander.optionMissingArgument':
            return (0, core_1.problem)('usage_option_missing_value', { option: quoted[0] });
        case 'commander.missingMandatoryOptionValue':
            return (0, core_1.problem)('usage_required_option', { option: quoted[0], command: cmd });
        case 'commander.unknownCommand':
            return (0, core_1.problem)('usage_unknown_command', { name: quoted[0], suggestion });
        case 'commander.excessArguments': {
            const m = /Expected (\d+) argument.* got (\d+)/.exec(e.message);
            return (0, core_1.problem)('usage_excess_arguments', { command: cmd, expected: Number(m?.[1] ?? 0), got: Number(m?.[2] ?? 0) });
        }
        case 'commander.conflictingOption':
            return (0, core_1.problem)('usage_conflicting_option', { detail: quoted.join(', ') });
        default:
            return (0, core_1.problem)('usage_invalid_argument', { detail: e.message.replace(/^error: /, '') });
    }
}
/** The command named on the command line (for messages), if any. */
function commandName(program, argv) {
    const names = new Set(program.commands.flatMap((c) => [c.name(), ...c.aliases()]));
    return argv.find((a) => names.has(a)) ?? '';
}
function report(problems, lang, json, exitCode) {
    if (json)
        process.stdout.write(`${JSON.stringify({ ok: false, exitCode, problems: (0, core_1.localize)(problems, lang) }, null, 2)}\n`);
    else
        for (const p of problems)
            process.stderr.write(`${(0, core_1.formatProblem)(p, lang)}\n`);
    return exitCode;
}
async function main(argv) {
    const savedExit = process.exitCode;
    const savedLang = process.env.THIDUA_LANG;
    process.exitCode = undefined;
    try {
        return await run(argv);
    }
    finally {
        process.exitCode = savedExit;
        if (savedLang === undefined)
            delete process.env.THIDUA_LANG;
        else
            process.env.THIDUA_LANG = savedLang;
    }
}
async function run(argv) {
    const json = argv.includes('--json');
    const asked = langArg(argv) ?? process.env.THIDUA_LANG;
    if (asked !== undefined && !exports.LANGS.includes(asked)) {
        // Not a silent fallback: the message is in both languages, since neither was chosen.
        const p = (0, core_1.problem)('usage_bad_lang', { lang: asked });
        if (json)
            return report([p], 'vi', true, context_1.EXIT.usage);
        process.stderr.write(`${p.messages.vi}\n`);
        return context_1.EXIT.usage;
    }
    const lang = asked ?? 'vi';
    process.env.THIDUA_LANG = lang;
    const program = buildProgram(lang);
    try {
        await program.parseAsync(argv, { from: 'user' });
        return typeof process.exitCode === 'number' ? process.exitCode : context_1.EXIT.ok;
    }
    catch (e) {
        if (e instanceof commander_1.CommanderError) {
            if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version')
                return context_1.EXIT.ok;
            const command = commandName(program, argv);
            const p = commanderProblem(e, command);
            if (!json) {
                report([p], lang, false, context_1.EXIT.usage);
                process.stderr.write(lang === 'vi' ? `Xem: thidua ${command ? `${command} ` : ''}--help\n` : `See: thidua ${command ? `${command} ` : ''}--help\n`);
                return context_1.EXIT.usage;
            }
            return report([p], lang, true, context_1.EXIT.usage);
        }
        if (e instanceof context_1.UsageError)
            return report(e.problems, lang, json, context_1.EXIT.usage);
        if ((0, sys_errors_1.isSystemError)(e)) {
            // A file-system error a command did not catch itself: still the user's file, not a bug.
            const err = e;
            return report([(0, core_1.problem)('file_unreadable', { detail: (0, sys_errors_1.systemDetail)(e) }, { file: err.path })], lang, json, context_1.EXIT.usage);
        }
        if (process.env.THIDUA_DEBUG)
            process.stderr.write(`${e?.stack}\n`);
        return report([(0, core_1.problem)('unexpected_error', { detail: String(e?.message ?? e) })], lang, json, context_1.EXIT.usage);
    }
}
