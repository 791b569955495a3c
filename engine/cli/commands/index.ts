/**
 * The commands of `thidua`, registered in one place, in the order `thidua --help` lists them (the
 * order of the cluster's year). Each command lives in its own file and exports `register(program)`;
 * a command's module is loaded only when it is registered, so `thidua check FILE` loads check's alone
 * (`thidua --help` registers them all).
 */
import type { Command } from 'commander';

export interface CommandModule {
  register(program: Command): void;
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const COMMANDS: ReadonlyArray<{ name: string; load(): CommandModule }> = [
  { name: 'import', load: () => require('./import') as CommandModule },
  { name: 'lint', load: () => require('./lint') as CommandModule },
  { name: 'template', load: () => require('./template') as CommandModule },
  { name: 'check', load: () => require('./check') as CommandModule },
  { name: 'score', load: () => require('./score') as CommandModule },
  { name: 'rank', load: () => require('./rank') as CommandModule },
  { name: 'report', load: () => require('./report') as CommandModule },
  { name: 'demo', load: () => require('./demo') as CommandModule },
];
/* eslint-enable @typescript-eslint/no-require-imports */
