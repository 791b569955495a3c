/**
 * The message catalog: every code a user can see, in Vietnamese and English. Each area owns one file in
 * messages/ so that adding codes never touches another area's catalog.
 */
import { KERNEL_MESSAGES } from './messages/kernel';
import { CRITERIA_MESSAGES } from './messages/criteria';
import { WORKBOOK_MESSAGES } from './messages/workbook';
import { FAMILIAR_MESSAGES } from './messages/familiar';
import { RANK_MESSAGES } from './messages/rank';
import { FILE_MESSAGES } from './messages/files';
import { ADDIN_MESSAGES } from './messages/addin';
import { CLI_MESSAGES } from './messages/cli';
import { TRUST_MESSAGES } from './messages/trust';

export interface MessageDef {
  severity: 'error' | 'warning';
  vi: string;
  en: string;
}

export const MESSAGES = {
  ...KERNEL_MESSAGES,
  ...CRITERIA_MESSAGES,
  ...WORKBOOK_MESSAGES,
  ...FAMILIAR_MESSAGES,
  ...RANK_MESSAGES,
  ...FILE_MESSAGES,
  ...ADDIN_MESSAGES,
  ...CLI_MESSAGES,
  ...TRUST_MESSAGES,
} satisfies Record<string, MessageDef>;
