import { DEFAULT_POSTGRES_MAJOR_VERSION, postgresEngineVersionProblem, RDS_POSTGRES_MAJOR_VERSIONS, supportedPostgresMajors } from './rds-postgres-versions';

describe('RDS for PostgreSQL engine versions', () => {
  it('lists majors in order, each with an ISO end-of-standard-support date', () => {
    const majors = RDS_POSTGRES_MAJOR_VERSIONS.map((version) => version.major);
    expect(majors).toEqual([...majors].sort((a, b) => a - b));
    for (const version of RDS_POSTGRES_MAJOR_VERSIONS) expect(version.endOfStandardSupport).toMatch(/^20\d\d-\d\d-\d\d$/);
  });

  it('accepts a major under standard support, the default included', () => {
    expect(postgresEngineVersionProblem('17', '2026-12-07')).toBeUndefined();
    expect(postgresEngineVersionProblem(DEFAULT_POSTGRES_MAJOR_VERSION, '2026-12-07')).toBeUndefined();
    expect(postgresEngineVersionProblem('14', '2027-02-28')).toBeUndefined();
  });

  it('refuses a pinned minor, naming the majors to choose from', () => {
    expect(postgresEngineVersionProblem('16.4', '2026-12-07')).toMatch(/^a PostgreSQL major version alone \(one of 14, 15, 16, 17, 18\)/);
  });

  it('refuses a major past its end of standard support, and one RDS never offered or retired', () => {
    expect(postgresEngineVersionProblem('14', '2027-03-01')).toMatch(/RDS standard support of PostgreSQL 14 ended on 2027-02-28/);
    expect(supportedPostgresMajors('2027-03-01')).toEqual([15, 16, 17, 18]);
    expect(postgresEngineVersionProblem('12', '2026-12-07')).toBe('a PostgreSQL major version under RDS standard support (one of 14, 15, 16, 17, 18)');
    expect(postgresEngineVersionProblem('latest', '2026-12-07')).toMatch(/^a PostgreSQL major version under RDS standard support/);
  });
});
