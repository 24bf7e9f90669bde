/** The stack tags the offline engine adds for policy packs: what it made up, so that no policy takes it for the program's. */
import { PLACEHOLDER_ACCOUNT_TAG } from '@bulwark/aws-model';
import { type ProgramResult } from '../types';

/** The engine's stack tags for a run: {@link PLACEHOLDER_ACCOUNT_TAG} when the account id was made up. */
export function engineStackTags(program: Pick<ProgramResult, 'placeholderAccount'>): Record<string, string> {
  return program.placeholderAccount ? { [PLACEHOLDER_ACCOUNT_TAG]: program.placeholderAccount } : {};
}
