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
import { Command, CommanderError } from 'commander';
import * as path from 'path';
import { formatProblem, Lang, localize, Problem, problem } from '../core';
import { COMMANDS } from './commands';
import { EXIT, UsageError } from './context';
import { helpFormatter, localizeHelp, PROGRAM_TEXT } from './help-text';
import { isSystemError, systemDetail } from './sys-errors';
import { installNatives } from './natives';

export const LANGS: readonly Lang[] = ['vi', 'en'];

export function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(__dirname, '../../package.json')) as { version: string }).version;
}

/** The --lang value on the command line (before or after the command name), if any. */
export function langArg(argv: string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang') found = argv[i + 1] ?? '';
    else if (argv[i].startsWith('--lang=')) found = argv[i].slice('--lang='.length);
  }
  return found;
}

/**
 * The command the argument list names, when it is one of ours (program options come before it:
 * positional options). Only that command is then registered and its module loaded.
 */
export function namedCommand(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') i++;
    else if (a === '--') return undefined;
    else if (!a.startsWith('-')) return COMMANDS.some((c) => c.name === a) ? a : undefined;
  }
  return undefined;
}

/** The program with every command, or with `only` that one (the others' modules are not loaded). */
export function buildProgram(lang: Lang = 'vi', only?: string): Command {
  const program = new Command();
  const say = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  program
    .name('thidua')
    .description(PROGRAM_TEXT[lang])
    .version(packageVersion(), '-v, --version', say('in số phiên bản', 'print the version'))
    .option('--lang <vi|en>', 'language')
    .helpOption('-h, --help')
    .helpCommand('help [command]', say('hiển thị trợ giúp của một lệnh', 'display help for a command'))
    .enablePositionalOptions()
    .exitOverride();
  for (const c of COMMANDS) if (!only || c.name === only) c.load().register(program);
  // --lang is accepted before or after the command name.
  for (const cmd of program.commands) if (!cmd.options.some((o) => o.long === '--lang')) cmd.option('--lang <vi|en>', 'language');
  localizeHelp(program, lang);
  // commander's own error text is replaced by a translated problem (main's catch).
  const output = { outputError: () => {} };
  for (const cmd of [program, ...program.commands]) {
    // A forgotten quote (two file names where one is expected) is an error, not silently ignored.
    if (cmd !== program) cmd.allowExcessArguments(false);
    cmd.exitOverride().configureOutput(output).configureHelp({ formatHelp: helpFormatter(lang) });
    cmd.helpOption('-h, --help', localizedHelpOption(lang));
  }
  return program;
}

const localizedHelpOption = (lang: Lang) => (lang === 'vi' ? 'hiển thị trợ giúp' : 'display help');

/** A commander parse error as one of our problems (names and suggestions taken from its message). */
export function commanderProblem(e: CommanderError, command: string): Problem {
  const quoted = [...e.message.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const mean = /Did you mean (.+?)\?/.exec(e.message)?.[1];
  const suggestion = mean ? { vi: ` (có phải ý bạn là ${mean}?)`, en: ` (did you mean ${mean}?)` } : '';
  const cmd = command ? `thidua ${command}` : 'thidua';
  switch (e.code) {
    case 'commander.missingArgument':
      return problem('usage_missing_argument', { name: quoted[0], command: cmd });
    case 'commander.unknownOption':
      return problem('usage_unknown_option', { option: quoted[0], suggestion });
    case 'commander.optionMissingArgument':
      return problem('usage_option_missing_value', { option: quoted[0] });
    case 'commander.missingMandatoryOptionValue':
      return problem('usage_required_option', { option: quoted[0], command: cmd });
    case 'commander.unknownCommand':
      return problem('usage_unknown_command', { name: quoted[0], suggestion });
    case 'commander.excessArguments': {
      const m = /Expected (\d+) argument.* got (\d+)/.exec(e.message);
      return problem('usage_excess_arguments', { command: cmd, expected: Number(m?.[1] ?? 0), got: Number(m?.[2] ?? 0) });
    }
    case 'commander.conflictingOption':
      return problem('usage_conflicting_option', { detail: quoted.join(', ') });
    default:
      return problem('usage_invalid_argument', { detail: e.message.replace(/^error: /, '') });
  }
}

/** The command named on the command line (for messages), if any. */
function commandName(program: Command, argv: string[]): string {
  const names = new Set(program.commands.flatMap((c) => [c.name(), ...c.aliases()]));
  return argv.find((a) => names.has(a)) ?? '';
}

function report(problems: Problem[], lang: Lang, json: boolean, exitCode: number): number {
  if (json) process.stdout.write(`${JSON.stringify({ ok: false, exitCode, problems: localize(problems, lang) }, null, 2)}\n`);
  else for (const p of problems) process.stderr.write(`${formatProblem(p, lang)}\n`);
  return exitCode;
}

export async function main(argv: string[]): Promise<number> {
  installNatives();
  const savedExit = process.exitCode;
  const savedLang = process.env.THIDUA_LANG;
  process.exitCode = undefined;
  try {
    return await run(argv);
  } finally {
    process.exitCode = savedExit;
    if (savedLang === undefined) delete process.env.THIDUA_LANG;
    else process.env.THIDUA_LANG = savedLang;
  }
}

async function run(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const asked = langArg(argv) ?? process.env.THIDUA_LANG;
  if (asked !== undefined && !LANGS.includes(asked as Lang)) {
    // Not a silent fallback: the message is in both languages, since neither was chosen.
    const p = problem('usage_bad_lang', { lang: asked });
    if (json) return report([p], 'vi', true, EXIT.usage);
    process.stderr.write(`${p.messages.vi}\n`);
    return EXIT.usage;
  }
  const lang: Lang = (asked as Lang | undefined) ?? 'vi';
  process.env.THIDUA_LANG = lang;
  const program = buildProgram(lang, namedCommand(argv));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      // No command at all: the help went to stderr, and it is a usage error.
      if (e.code === 'commander.help') return EXIT.usage;
      const command = commandName(program, argv);
      const p = commanderProblem(e, command);
      if (!json) {
        report([p], lang, false, EXIT.usage);
        process.stderr.write(lang === 'vi' ? `Xem: thidua ${command ? `${command} ` : ''}--help\n` : `See: thidua ${command ? `${command} ` : ''}--help\n`);
        return EXIT.usage;
      }
      return report([p], lang, true, EXIT.usage);
    }
    if (e instanceof UsageError) return report(e.problems, lang, json, EXIT.usage);
    if (isSystemError(e)) {
      // A file-system error a command did not catch itself: still the user's file, not a bug.
      const err = e as NodeJS.ErrnoException;
      return report([problem('file_unreadable', { detail: systemDetail(e) }, { file: err.path })], lang, json, EXIT.usage);
    }
    if (process.env.THIDUA_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
    return report([problem('unexpected_error', { detail: String((e as Error)?.message ?? e) })], lang, json, EXIT.usage);
  }
}
