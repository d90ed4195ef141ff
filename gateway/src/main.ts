import { createLogger } from '../../common/src/log.js';
import { loadConfig } from './config.js';
import { startHub } from './server.js';

const config = loadConfig();
const logger = createLogger('hub', config.logLevel);
startHub(config).then(
  (hub) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info('hub.stopping', { signal });
      hub.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  },
  (error: unknown) => {
    logger.error('hub.start_failed', { error: error instanceof Error ? error.message : 'unknown' });
    process.exitCode = 1;
  },
);
