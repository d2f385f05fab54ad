import pino, { type Logger } from 'pino';

/**
 * The structured logger. Redaction is a second line of defence: no code path logs a phone or
 * ID number on purpose, and if one ever did, these keys come out as [Redacted].
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'fugong-bff' },
      redact: {
        paths: [
          'phone',
          'idNumber',
          '*.phone',
          '*.idNumber',
          'headers.authorization',
          '*.headers.authorization',
          'refreshToken',
          '*.refreshToken',
        ],
        censor: '[Redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
