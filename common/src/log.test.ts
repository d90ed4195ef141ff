import { createLogger } from './log';

describe('createLogger', () => {
  it('says which levels it writes, and writes only those', () => {
    const lines: string[] = [];
    const realWrite = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => lines.push(chunk) > 0) as typeof process.stdout.write;
    try {
      const logger = createLogger('test', 'warn');
      expect([logger.writes('debug'), logger.writes('info'), logger.writes('warn'), logger.writes('error')]).toEqual([false, false, true, true]);
      logger.info('skipped');
      logger.warn('kept', { code: 'X' });
      expect(createLogger('test', 'silent').writes('error')).toBe(false);
    } finally {
      process.stdout.write = realWrite;
    }
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([expect.objectContaining({ level: 'warn', service: 'test', event: 'kept', code: 'X' })]);
  });
});
