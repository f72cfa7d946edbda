import { WriteableStreamMessageWriter } from 'vscode-languageserver/node';

/**
 * Makes the server write each message to a stream (stdio, a socket or a pipe) in one write: header
 * and body together. vscode-jsonrpc writes the `Content-Length` header, waits for that write to
 * finish, then writes the body: two system calls per message, and a client woken twice, once for a
 * header it cannot use yet. On a busy machine each wake-up of the reader costs the server a switch
 * of the CPU, a third of a millisecond or more per diagnostics publish. The bytes on the wire are
 * the same; IPC (`--node-ipc`) sends objects and is not affected.
 */
type Writer = { writable: { write(data: Uint8Array): Promise<void> }; doWrite(msg: unknown, headers: string[], data: Uint8Array): Promise<void> };
const proto = WriteableStreamMessageWriter.prototype as unknown as Writer & { handleError(error: unknown, msg: unknown): void };
const twoWrites = proto.doWrite;

if (typeof twoWrites === 'function' && !(twoWrites as { once?: true }).once) {
  const oneWrite = async function (this: typeof proto, msg: unknown, headers: string[], data: Uint8Array): Promise<void> {
    try {
      await this.writable.write(Buffer.concat([Buffer.from(headers.join(''), 'ascii'), data]));
    } catch (error) {
      this.handleError(error, msg);
      throw error;
    }
  };
  proto.doWrite = Object.assign(oneWrite, { once: true as const });
}
