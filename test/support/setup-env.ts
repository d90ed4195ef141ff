import 'reflect-metadata';

// Tests are quiet unless asked otherwise.
process.env.LOG_LEVEL ??= 'silent';
