/**
 * The Fairword language server on Node: client/dist/server.cjs (started by the VS Code extension over IPC) and the
 * `fairword-language-server` command (`--stdio`, for Neovim, Helix, Zed, Emacs, Sublime Text). The transport comes
 * from the arguments, as vscode-languageserver reads them.
 */
import {
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageWriter,
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node.js';
import { createServer } from '../server.js';
import { LifecycleReader } from './lifecycle.js';
import { nodeHost } from './node-host.js';
import { ResyncingMessageReader } from './transport.js';

const USAGE = `Usage: fairword-language-server --stdio

The Fairword language server: checks Markdown and plain-text documents for biased or
non-inclusive wording, for any editor that speaks the Language Server Protocol.

  --stdio          talk LSP over standard input and output (what editors use)
  --node-ipc       talk over Node IPC (what the VS Code extension uses)
  --socket=PORT    talk over a TCP socket on this machine
  --help           show this text

Editor set-up: https://github.com/fairword/fairword/blob/main/docs/editors.md
`;

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];

/**
 * The reader and writer the arguments ask for. Over stdio, messages are read with a reader that recovers from bad
 * framing; IPC, sockets and pipes use vscode-languageserver's own.
 */
function transport(args: string[]): [MessageReader, MessageWriter] {
  const value = (prefix: string): string | undefined => args.find((a) => a.startsWith(prefix))?.slice(prefix.length);
  if (args.includes('--stdio')) return [new ResyncingMessageReader(process.stdin), new StreamMessageWriter(process.stdout)];
  if (args.includes('--node-ipc')) return [new IPCMessageReader(process), new IPCMessageWriter(process)];
  const socket = value('--socket=');
  if (socket !== undefined) return createServerSocketTransport(Number(socket));
  return createServerPipeTransport(value('--pipe=') ?? '');
}

function main(args: string[]): void {
  if (args.includes('--help') || args.includes('-h') || !args.some((a) => TRANSPORTS.some((t) => a.startsWith(t)))) {
    process.stderr.write(USAGE);
    process.exitCode = args.includes('--help') || args.includes('-h') ? 0 : 2;
    return;
  }
  const [reader, writer] = transport(args);
  const connection = createConnection(new LifecycleReader(reader, writer), writer);
  createServer(connection, nodeHost());
  connection.listen();
}

main(process.argv.slice(2));
