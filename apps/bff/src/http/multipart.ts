import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Context, Next } from 'koa';
import type { z } from 'zod';
import type { RouteContract } from '@fugong/contracts';
import { DomainError } from '../errors';
import { route, type HandlerInput, type ReplayedResponse, type RouteDef } from './route';

/** One file part of a multipart body, to be consumed by whoever receives it. */
export interface FilePart {
  field: string;
  filename: string;
  stream: Readable;
  /** True once the part went over `maxFileBytes` (busboy cut it there). */
  truncated(): boolean;
}

export interface MultipartLimits {
  maxFileBytes: number;
  maxFiles: number;
  /** The file fields the route reads; any other part is refused. */
  fields: readonly string[];
  /**
   * Text fields the route reads, with their largest size in bytes (weapp's uploadFile sends one
   * file per request, so anything else travels as text in its formData).
   */
  textFields?: Readonly<Record<string, number>>;
}

/** A multipart/form-data request body, not yet read: the route's service reads it as it streams. */
export interface MultipartBody {
  /**
   * Streams each file part to `onFile`, in order. Resolves once every part was read and every
   * `onFile` finished; rejects (after every started `onFile` settled, so a caller can clean up
   * everything it stored) with a 4xx DomainError for a malformed or cut-off body, or with what
   * `onFile` threw.
   */
  files(
    onFile: (part: FilePart) => Promise<void>,
    limits: MultipartLimits,
    onText?: (field: string, value: string) => void,
  ): Promise<void>;
}

const incomplete = () =>
  new DomainError('VALIDATION_ERROR', '上传不完整（网络中断？），请重新上传', [
    { path: 'body', message: '请求内容不完整', code: 'truncated' },
  ]);

/** Wraps a request whose body is multipart/form-data; nothing is read until `files` is called. */
export function multipartBody(req: IncomingMessage): MultipartBody {
  return {
    files(onFile, limits, onText) {
      const text = limits.textFields ?? {};
      const textNames = Object.keys(text);
      return new Promise<void>((resolve, reject) => {
        let parser: busboy.Busboy;
        try {
          parser = busboy({
            headers: req.headers,
            // File names are UTF-8 on every client we serve (名录.csv); busboy's default is latin1.
            defParamCharset: 'utf8',
            // busboy marks a file truncated on reaching fileSize, so one byte more: a file of
            // exactly maxFileBytes is whole, and the reader refuses anything longer.
            limits: {
              fileSize: limits.maxFileBytes + 1,
              files: limits.maxFiles,
              fields: textNames.length,
              fieldSize: Math.max(0, ...Object.values(text)) + 1,
            },
          });
        } catch {
          reject(new DomainError('VALIDATION_ERROR', '上传格式错误（缺少 multipart 分隔符）'));
          return;
        }
        const pending: Promise<void>[] = [];
        let failure: unknown = null;
        let streamBroken = false;
        let settled = false;
        const settle = () => {
          if (settled) return;
          settled = true;
          void Promise.allSettled(pending).then(() => (failure ? reject(failure) : resolve()));
        };
        const fail = (err: unknown) => {
          failure ??= err instanceof DomainError ? err : streamBroken ? incomplete() : err;
          // Stop parsing; what is left of the body is read and dropped so the answer can go out.
          req.unpipe(parser);
          req.resume();
          settle();
        };
        parser.on('file', (field, stream, info) => {
          if (failure) return void stream.resume();
          if (!limits.fields.includes(field)) {
            stream.resume();
            return fail(
              new DomainError('VALIDATION_ERROR', `不认识的上传字段 ${field.slice(0, 40)}`, [
                { path: field.slice(0, 40), message: '不接受此字段', code: 'unrecognized_keys' },
              ]),
            );
          }
          stream.on('error', () => {
            streamBroken = true;
          });
          const part: FilePart = {
            field,
            filename: info.filename ?? field,
            stream,
            truncated: () => (stream as Readable & { truncated?: boolean }).truncated === true,
          };
          pending.push(onFile(part).catch(fail));
        });
        const tooMany = () =>
          fail(new DomainError('VALIDATION_ERROR', `一次最多上传 ${limits.maxFiles} 个文件，且不带其他字段`));
        parser.on('field', (field, value, info) => {
          if (failure) return;
          const max = text[field];
          if (max === undefined)
            return fail(
              new DomainError('VALIDATION_ERROR', `不认识的上传字段 ${field.slice(0, 40)}`, [
                { path: field.slice(0, 40), message: '不接受此字段', code: 'unrecognized_keys' },
              ]),
            );
          if (info.valueTruncated || Buffer.byteLength(value) > max)
            return fail(
              new DomainError('PAYLOAD_TOO_LARGE', `字段 ${field} 超过 ${Math.round(max / 1024)} KB`, {
                field,
                maxBytes: max,
              }),
            );
          try {
            onText?.(field, value);
          } catch (err) {
            fail(err);
          }
        });
        // (busboy's partsLimit fires on reaching the limit, not on passing it; files and fields suffice.)
        parser.on('filesLimit', tooMany);
        parser.on('fieldsLimit', tooMany);
        parser.on('error', () => {
          streamBroken = true;
          fail(incomplete());
        });
        parser.on('close', settle);
        req.on('close', () => {
          if (!req.complete) {
            streamBroken = true;
            fail(incomplete());
          }
        });
        req.pipe(parser);
      });
    },
  };
}

/** What a multipart route's handler receives besides the usual input. */
export type MultipartHandlerInput<C extends RouteContract> = HandlerInput<C> & { upload: MultipartBody };

const MULTIPART_DEFS = new WeakSet<RouteDef>();

/** The body of a request to a multipart route that did not come as multipart/form-data. */
const NOT_MULTIPART: MultipartBody = {
  files: () => Promise.reject(new DomainError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件')),
};

/**
 * A route whose body is multipart/form-data, streamed to its handler (`input.upload`) after the
 * role check, input validation and rate limit have passed — so a refused request stores nothing.
 * Every other route keeps refusing multipart bodies (415).
 */
export function multipartRoute<C extends RouteContract>(
  contract: C,
  handler: (
    input: MultipartHandlerInput<C>,
  ) => Promise<z.input<C['response']> | ReplayedResponse<z.input<C['response']>>>,
  options: { keyStoredByHandler?: boolean } = {},
): RouteDef {
  const def = route(
    contract,
    async (input) => {
      // A request that is not multipart is refused when the handler first reads the body, so the
      // handler's own checks (an unknown or another firm's record: 404) answer first, as for JSON routes.
      const upload = (input as Partial<MultipartHandlerInput<C>>).upload ?? NOT_MULTIPART;
      return handler({ ...input, upload });
    },
    options,
  );
  MULTIPART_DEFS.add(def);
  return def;
}

/** True for routes made with multipartRoute. */
export function acceptsMultipart(def: RouteDef): boolean {
  return MULTIPART_DEFS.has(def);
}

const MULTIPART = /multipart/i;

/**
 * The body reader: a multipart/form-data POST is left unread for its route (`ctx.state.multipart`),
 * everything else goes through the JSON reader. Routes are matched later, so the route pipeline
 * refuses a multipart body on a route not made with multipartRoute.
 */
export function multipartOrJson(
  readJson: (ctx: Context, next: Next) => Promise<void>,
): (ctx: Context, next: Next) => Promise<void> {
  return function readBody(ctx, next) {
    // The header test first: type-is parses the media type, and almost every POST is JSON.
    if (ctx.method === 'POST' && MULTIPART.test(ctx.get('Content-Type')) && ctx.is('multipart/form-data')) {
      ctx.state.body = undefined;
      ctx.state.multipart = multipartBody(ctx.req);
      return next();
    }
    return readJson(ctx, next);
  };
}
