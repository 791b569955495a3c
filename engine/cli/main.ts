/**
 * `thidua` command line. Exit codes: 0 success, 1 the inputs have problems of severity error, 2 usage
 * error or unreadable input. Never prints a stack trace to a user (THIDUA_DEBUG=1 shows it).
 */
import { Command, CommanderError } from 'commander';
import { formatProblem } from '../core';
import { COMMANDS } from './commands';
import { EXIT, langOf, UsageError } from './context';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('thidua')
    .description('Chấm điểm thi đua Cụm trường chính trị / emulation-cluster scoring')
    .option('--lang <vi|en>', 'ngôn ngữ / language (default vi)')
    .enablePositionalOptions()
    .showHelpAfterError()
    .exitOverride();
  // --lang before or after the command name; the command's own wins.
  program.hook('preAction', (_program, action) => {
    const lang = (action.opts().lang as string | undefined) ?? (program.opts().lang as string | undefined);
    if (lang) process.env.THIDUA_LANG = lang;
  });
  for (const c of COMMANDS) c.register(program);
  // --lang is accepted before or after the command name.
  for (const cmd of program.commands) if (!cmd.options.some((o) => o.long === '--lang')) cmd.option('--lang <vi|en>', 'ngôn ngữ / language');
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return EXIT.ok;
      return EXIT.usage;
    }
    const lang = langOf({ lang: argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined });
    if (e instanceof UsageError) {
      for (const p of e.problems) process.stderr.write(`${formatProblem(p, lang)}\n`);
      return EXIT.usage;
    }
    process.stderr.write(
      lang === 'vi'
        ? `Lỗi không mong đợi: ${(e as Error)?.message ?? e}. Hãy gửi tệp và lệnh này cho nhóm phát triển.\n`
        : `Unexpected error: ${(e as Error)?.message ?? e}. Please report it with the file and command.\n`,
    );
    if (process.env.THIDUA_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
    return EXIT.usage;
  }
}

if (require.main === module || process.env.THIDUA_CLI_ENTRY === '1') {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
