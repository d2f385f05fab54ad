import type { Socket } from 'node:net';
import { ERROR_MESSAGES } from '@fugong/contracts';

/**
 * Answers requests Node's HTTP parser rejects before Koa sees them (headers or URL over the
 * size limit, malformed request lines) with the same JSON error envelope as every other 4xx,
 * instead of Node's bare status line. Registered with `server.on('clientError', …)`.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: {
      code: 'VALIDATION_ERROR',
      message: tooLarge ? '请求地址或请求头过长' : ERROR_MESSAGES.VALIDATION_ERROR,
    },
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n' +
      body,
  );
}
