import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * A TypeORM logger that counts the SQL statements a data source sends. Used by the tests
 * and the benchmark to prove that list queries cost a constant number of statements.
 */
export class QueryCounter implements TypeOrmLogger {
  private count = 0;
  get total(): number {
    return this.count;
  }
  reset(): void {
    this.count = 0;
  }
  logQuery(query: string): void {
    // Transaction control statements are not data access.
    if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(query.trim())) return;
    this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
