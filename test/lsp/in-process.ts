/**
 * A server created in the test process with `createServer(connection, host)`, and a test client talking to it over
 * in-memory streams. Tests give the host what no shipped bundle may carry (a rule that throws, say) through
 * {@link ServerHost} options, so test-only code stays in the tests.
 */
import { PassThrough } from 'node:stream';
import { ShutdownRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { createConnection } from 'vscode-languageserver/node.js';
import { nodeHost } from '../../server/src/host/node-host.js';
import { createServer, type ServerHost } from '../../server/src/server.js';
import { TestClient, type StartOptions } from './client.js';

/** Starts a server in this process (the Node host, with `host` laid over it) and initializes it. */
export function inProcessServer(options: StartOptions, host: Partial<ServerHost> = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  createServer(connection, { ...nodeHost(), ...host });
  connection.listen();
  return TestClient.connect(
    { reader: new StreamMessageReader(toClient), writer: new StreamMessageWriter(toServer), exited: new Promise(() => undefined), onExit: () => undefined, stderr: () => '' },
    options,
  );
}

/** Shuts an in-process server down without `exit`: on Node, `exit` ends the process, and here that is the test runner. */
export async function stopInProcess(client: TestClient | undefined): Promise<void> {
  if (!client) return;
  await client.connection.sendRequest(ShutdownRequest.type);
  client.connection.dispose();
}
