import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

/** What every log line written on behalf of a request carries. */
export interface LogContext {
  requestId: string;
}

/**
 * The request a piece of code is running for, carried through awaits, timers and callbacks by
 * AsyncLocalStorage: services log with the logger they were built with and never see the Koa
 * context, yet their lines name the request. (Work batched across requests — one database
 * command for many — runs in the context of the request that started the batch.)
 */
export const logContext = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` stamped on every log line written inside it. */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return logContext.run(context, fn);
}

/**
 * The structured logger. Redaction is a second line of defence: no code path logs a phone or
 * ID number on purpose, and if one ever did, these keys come out as [Redacted]. Every line
 * written inside a request carries its requestId (the mixin reads the request's context).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'fugong-bff' },
      // Fields the call passes itself win over the context (pino merges the mixin first). A fresh
      // object per line: pino merges the line's fields *into* what the mixin returns, so handing
      // it the request's context itself made every later line of the request carry the fields
      // of the earlier ones (and the context grow with each line).
      mixin: () => {
        const context = logContext.getStore();
        return context ? { requestId: context.requestId } : {};
      },
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
