/**
 * The Analyze answers a stack's evaluation keeps for each of its packs across its modes (see @bulwark/offline,
 * analyzer/analyze-answers.ts): an update run's resources the preview already sent a pack are not sent again.
 */
import { AnalyzeAnswers, type PolicyPack } from '@bulwark/offline';

/**
 * Answers kept by a pack's place in the command's list and its directory, not by its connection: a large stack's
 * packs are stopped between its runs and started again (pack-set.ts, `release`), and a pack started again from
 * the same directory answers a request as it did. Not by directory alone: the same pack listed twice may be
 * configured twice, differently, and its two evaluations run side by side.
 */
export class KeptAnswers {
  private readonly kept = new Map<string, AnalyzeAnswers>();

  /** `modes`: how many modes the stack is evaluated in; with one there is nothing to keep. */
  constructor(private readonly modes: number) {}

  /** The answers of the pack at `place` in the command's list, if there is a later mode to reuse them. */
  of(place: number, pack: Pick<PolicyPack, 'directory'>): AnalyzeAnswers | undefined {
    if (this.modes < 2) return undefined;
    const key = `${place}:${pack.directory}`;
    let answers = this.kept.get(key);
    if (!answers) this.kept.set(key, (answers = new AnalyzeAnswers()));
    return answers;
  }
}
