import { RDS_MAJOR_VERSIONS } from '@bulwark/aws-model';

/**
 * The PostgreSQL major versions Amazon RDS runs under standard support, each with the day that support ends: the
 * release calendar @bulwark/aws-model keeps (the one the deployability pack's `rds-engine-version` reads too). Past
 * its end of standard support a major still runs, but new instances are enrolled in paid RDS Extended Support,
 * which a foundation should not start on, so the check below refuses it.
 */
export const RDS_POSTGRES_MAJOR_VERSIONS: readonly { readonly major: number; readonly endOfStandardSupport: string }[] = (RDS_MAJOR_VERSIONS['postgres'] ?? []).map(
  ({ major, endOfStandardSupport }) => ({ major: Number(major), endOfStandardSupport }),
);

/** The PostgreSQL major version new Bulwark databases run: the newest but one, well inside standard support. */
export const DEFAULT_POSTGRES_MAJOR_VERSION = '17';

/** The majors still under standard support on `today` (an ISO date, `YYYY-MM-DD`). */
export function supportedPostgresMajors(today: string): number[] {
  return RDS_POSTGRES_MAJOR_VERSIONS.filter((version) => version.endOfStandardSupport >= today).map((version) => version.major);
}

/**
 * What is wrong with `version` as the engine version of a new RDS for PostgreSQL instance on `today`, or undefined.
 * Only a major is accepted: RDS then creates the instance on a current minor and upgrades it in the maintenance
 * window (`autoMinorVersionUpgrade`), whereas a pinned minor stops being offered for new instances (16.4 is no longer
 * listed) and, once RDS has upgraded the instance, makes Pulumi try to take it back down.
 */
export function postgresEngineVersionProblem(version: string, today: string): string | undefined {
  const supported = supportedPostgresMajors(today);
  const choose = `one of ${supported.join(', ')}`;
  if (/^\d+\.\d+$/.test(version)) {
    return `a PostgreSQL major version alone (${choose}): RDS picks the current minor and upgrades it; a pinned minor stops being offered for new instances and makes Pulumi try to downgrade after an RDS upgrade`;
  }
  const known = /^\d+$/.test(version) ? RDS_POSTGRES_MAJOR_VERSIONS.find((candidate) => candidate.major === Number(version)) : undefined;
  if (known === undefined) return `a PostgreSQL major version under RDS standard support (${choose})`;
  if (known.endOfStandardSupport < today) {
    return `a PostgreSQL major version under RDS standard support (${choose}): RDS standard support of PostgreSQL ${known.major} ended on ${known.endOfStandardSupport}, and new instances are billed for RDS Extended Support`;
  }
  return undefined;
}
