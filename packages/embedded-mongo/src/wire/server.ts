/**
 * TCP server speaking the wire protocol: splits the byte stream into messages, hands each
 * command to the dispatcher and writes the reply (none for moreToCome messages).
 */
import net from 'node:net';
import { type Doc } from '../bson/values';
import { errorDocument } from '../errors';
import { encodeReply, type IncomingCommand, MAX_MESSAGE_SIZE, parseMessage } from './messages';

/** Per-connection facts commands may need (hello's connectionId, whatsmyuri). */
export interface ConnectionInfo {
  id: number;
  remoteAddress: string;
}

export type CommandHandler = (request: IncomingCommand, conn: ConnectionInfo) => Promise<Doc>;

export interface WireServer {
  readonly port: number;
  readonly connectionCount: number;
  close(): Promise<void>;
}

function attach(socket: net.Socket, conn: ConnectionInfo, handle: CommandHandler): void {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    while (pendingBytes >= 4) {
      const buf = pending.length === 1 ? pending[0] : Buffer.concat(pending);
      pending = [buf];
      const length = buf.readInt32LE(0);
      if (length < 16 || length > MAX_MESSAGE_SIZE) {
        socket.destroy();
        return;
      }
      if (buf.length < length) return;
      const message = buf.subarray(0, length);
      const rest = buf.subarray(length);
      pending = rest.length > 0 ? [rest] : [];
      pendingBytes = rest.length;
      dispatch(socket, conn, message, handle);
    }
  });
  socket.on('error', () => socket.destroy());
}

function dispatch(socket: net.Socket, conn: ConnectionInfo, message: Buffer, handle: CommandHandler): void {
  let request: IncomingCommand;
  try {
    request = parseMessage(message);
  } catch {
    socket.destroy();
    return;
  }
  handle(request, conn).then(
    (reply) => {
      if (request.moreToCome || socket.destroyed) return;
      let bytes: Buffer;
      try {
        bytes = encodeReply(request, reply);
      } catch (err) {
        // A reply bson cannot encode (e.g. over its buffer) is still answered, as an error:
        // left unanswered, the client would wait for its socket timeout.
        bytes = encodeReply(request, errorDocument(err));
      }
      socket.write(bytes);
    },
    () => socket.destroy(),
  );
}

/** Starts listening; resolves once the port is bound. */
export function startWireServer(host: string, port: number, handle: CommandHandler): Promise<WireServer> {
  const sockets = new Set<net.Socket>();
  let nextConnectionId = 1;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    attach(
      socket,
      { id: nextConnectionId++, remoteAddress: `${socket.remoteAddress}:${socket.remotePort}` },
      handle,
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        get connectionCount() {
          return sockets.size;
        },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}
