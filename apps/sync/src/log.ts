/**
 * The server's one named logger. The server logs its errors by default (`LOG_LEVEL` asks for more,
 * or `silent` for none); callers pass structured fields, never tokens or passwords.
 */
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';
export const LOG_LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(name: string, level: LogLevel = 'silent'): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const emit = (at: Exclude<LogLevel, 'silent'>) => (message: string, fields?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(at) > threshold) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level: at, name, message, ...fields });
    (at === 'error' || at === 'warn' ? process.stderr : process.stdout).write(line + '\n');
  };
  return { error: emit('error'), warn: emit('warn'), info: emit('info'), debug: emit('debug') };
}

export const silentLogger: Logger = createLogger('motcua:sync', 'silent');
