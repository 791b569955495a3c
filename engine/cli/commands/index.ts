/**
 * The commands of `thidua`, registered in one place, in the order `thidua --help` lists them (the
 * order of the cluster's year). Each command lives in its own file and exports `register(program)`.
 */
import type { Command } from 'commander';
import * as check from './check';
import * as demo from './demo';
import * as importCmd from './import';
import * as lint from './lint';
import * as rank from './rank';
import * as report from './report';
import * as score from './score';
import * as template from './template';

export const COMMANDS: ReadonlyArray<{ register(program: Command): void }> = [importCmd, lint, template, check, score, rank, report, demo];
