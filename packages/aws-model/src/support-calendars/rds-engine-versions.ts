/**
 * The major engine versions Amazon RDS offers under standard support, with the day standard support ends, KEPT BY
 * HAND from AWS's release calendars, read on 2026-12-07:
 * - PostgreSQL: https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html
 * - MySQL: https://docs.aws.amazon.com/AmazonRDS/latest/MySQLReleaseNotes/mysql-release-calendar.html
 * No npm package carries a maintained list with support dates (aws-cdk-lib's engine version classes list every
 * release without dates; `DescribeDBEngineVersions` needs an account). Minor versions are not listed: which minors
 * RDS still offers for new instances changes monthly, so the rule refuses pinned minors instead. The one list the
 * deployability pack's `rds-engine-version` and the data stack's `data:databaseEngineVersion` check read; add a
 * major when RDS releases it.
 */
export const RDS_MAJOR_VERSIONS: Readonly<Record<string, readonly { readonly major: string; readonly endOfStandardSupport: string }[]>> = {
  postgres: [
    { major: '13', endOfStandardSupport: '2026-02-28' },
    { major: '14', endOfStandardSupport: '2027-02-28' },
    { major: '15', endOfStandardSupport: '2028-02-29' },
    { major: '16', endOfStandardSupport: '2029-02-28' },
    { major: '17', endOfStandardSupport: '2030-02-28' },
    { major: '18', endOfStandardSupport: '2031-02-28' },
  ],
  mysql: [
    { major: '8.0', endOfStandardSupport: '2026-07-31' },
    { major: '8.4', endOfStandardSupport: '2029-07-31' },
  ],
};
