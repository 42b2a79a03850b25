import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

import { PROBLEM_CODES, problemType, type ProblemCode } from './problem';

/** Returns the problem for an error Node's HTTP parser raised before the request reached the application. */
function problemFor(error: NodeJS.ErrnoException): { code: ProblemCode; zh: string; en: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const kib = maxHeaderSize / 1024;
    return {
      code: 'headers_too_large',
      zh: `请求头超过 ${kib} KiB 上限，请减少或缩短请求头`,
      en: `The request headers exceed the limit of ${kib} KiB; send fewer or shorter headers`,
    };
  }
  if (error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') {
    return {
      code: 'payload_too_large',
      zh: '分块传输的扩展字段过长，请去掉扩展字段',
      en: 'The chunk extensions of the body are too long; send the chunks without extensions',
    };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      code: 'request_timeout',
      zh: '请求未在时限内发送完毕，请重试',
      en: 'The request was not received in time; send it again',
    };
  }
  return {
    code: 'invalid_request',
    zh: '请求不是有效的 HTTP/1.1 报文',
    en: 'The request is not a valid HTTP/1.1 message',
  };
}

/**
 * Replies to requests that Node's HTTP parser rejects (oversized headers, malformed messages, timeouts)
 * with a problem+json body, as every other error gets, instead of Node's bare status line. The headers
 * are not parsed at that point, so the title is in Chinese, the API's default, and the detail gives both
 * languages. The socket is closed once the reply is written, as Node's own handler does.
 */
export function replyToClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A response already under way on this connection cannot be followed by another status line.
    const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    const { code, zh, en } = problemFor(error);
    const { status } = PROBLEM_CODES[code];
    const body = JSON.stringify({
      type: problemType(code),
      title: PROBLEM_CODES[code].zh,
      status,
      detail: `${zh} (${en})`,
      code,
    });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
      () => socket.destroy(),
    );
  });
}
