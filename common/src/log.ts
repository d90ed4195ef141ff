/**
 * Structured logs: one JSON object per line on stdout. Callers pass identifiers and
 * measurements only, never personal data (names, notes, addresses, descriptions).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  /** Whether lines at `level` are written: work done only to log can be skipped. */
  writes(level: Exclude<LogLevel, 'silent'>): boolean;
}

export function createLogger(service: string, level: LogLevel): Logger {
  const write = (at: Exclude<LogLevel, 'silent'>) => (event: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: at, service, event, ...fields })}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), writes: (at) => ORDER[at] >= ORDER[level] };
}

export function isLogLevel(value: string): value is LogLevel {
  return value in ORDER;
}
