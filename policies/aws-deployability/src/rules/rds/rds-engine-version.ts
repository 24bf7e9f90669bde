/**
 * An RDS instance's engine version must be one RDS offers for new instances, and must not fight RDS's own minor
 * upgrades:
 * - a pinned minor (`16.4`) stops being offered for new instances within months, and with `autoMinorVersionUpgrade`
 *   (on by default) RDS upgrades the instance, after which Pulumi sees drift and tries to take it back down (the
 *   maintenance guide: set only the major version to let automatic minor upgrades proceed);
 * - a major that RDS does not offer, or whose standard support has ended (new instances then run on paid Extended
 *   Support), from the dated release calendars kept in `@bulwark/aws-model`'s `support-calendars/rds-engine-versions.ts`.
 * Engines outside that list (Aurora, Oracle, SQL Server, MariaDB) are not judged.
 */
import { boolValue, rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { RDS_MAJOR_VERSIONS } from '@bulwark/aws-model';
import { AWS_DOCS } from '../../lib/references';

const INSTANCE = 'aws:rds/instance:Instance';

/** The major part of a version for an engine (`16.4` → `16`; MySQL majors carry a dot: `8.0.35` → `8.0`). */
function majorOf(engine: string, version: string): string {
  const parts = version.split('.');
  return engine === 'mysql' ? parts.slice(0, 2).join('.') : (parts[0] as string);
}

export const rdsEngineVersion = resourceRule({
  metadata: {
    id: 'rds-engine-version',
    title: 'RDS instances use an engine major RDS offers, not a pinned minor',
    description:
      'The engine version of a PostgreSQL or MySQL instance must be a major version under standard support (release ' +
      'calendars, kept by hand with their date) given alone: a pinned minor stops being offered for new instances and, ' +
      'with automatic minor upgrades on, makes Pulumi try to downgrade after RDS upgrades the instance.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'rds',
    controls: {},
    resourceTypes: [INSTANCE],
    remediation: 'Set `engineVersion` to the major alone ("17" for PostgreSQL, "8.4" for MySQL), one under standard support, and keep autoMinorVersionUpgrade on.',
    references: [AWS_DOCS.rdsPostgresVersions, AWS_DOCS.rdsMysqlVersions, AWS_DOCS.rdsMinorUpgrades],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== INSTANCE) return;
    const props = rawProps(args.props);
    const engine = stringValue(props['engine']);
    const version = stringValue(props['engineVersion']);
    if (engine === UNDECIDED || version === UNDECIDED) {
      undecided(engine === UNDECIDED ? 'engine' : 'engineVersion', 'the version decides whether RDS offers it');
      return;
    }
    if (typeof engine !== 'string' || typeof version !== 'string' || !(engine in RDS_MAJOR_VERSIONS)) return;
    const majors = RDS_MAJOR_VERSIONS[engine] ?? [];
    const today = new Date().toISOString().slice(0, 10);
    const offered = majors.filter((entry) => entry.endOfStandardSupport >= today).map((entry) => entry.major);
    const major = majorOf(engine, version);
    const known = majors.find((entry) => entry.major === major);
    if (!known) {
      report(`RDS instance ${args.name}: ${engine} ${version} is not a major version RDS offers (${offered.join(', ')}). Set engineVersion to one of them.`);
      return;
    }
    if (known.endOfStandardSupport < today) {
      report(`RDS instance ${args.name}: ${engine} ${major} left standard support on ${known.endOfStandardSupport}; new instances run on paid Extended Support. Use ${offered.join(', ')}.`);
      return;
    }
    const autoMinor = boolValue(props['autoMinorVersionUpgrade']);
    if (version !== major && autoMinor !== false) {
      report(
        `RDS instance ${args.name} pins the minor version ${version}: RDS stops offering a minor for new instances, and with automatic minor ` +
          `upgrades it moves the instance forward, after which Pulumi tries to downgrade it. Set engineVersion to "${major}".`,
      );
    }
  },
});
