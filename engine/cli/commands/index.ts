/**
 * The commands of `thidua`, registered in one place. Each command lives in its own file and exports
 * `register(program)`.
 */
import type { Command } from 'commander';
import * as check from './check';
import * as lint from './lint';
import * as score from './score';
import * as rank from './rank';

export const COMMANDS: Array<{ register(program: Command): void }> = [lint, check, score];
COMMANDS.push(rank);
import * as importCmd from './import';
COMMANDS.push(importCmd);
import * as templateCmd from './template';
COMMANDS.push(templateCmd);
import * as demo from './demo';
COMMANDS.push(demo);
