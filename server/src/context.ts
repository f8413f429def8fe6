/** What the feature rooms share: the connection, the log, the workspace and the open documents of one server. */
import type { Connection } from 'vscode-languageserver';
import type { Analyser } from './documents/analysis.js';
import type { AllowProbe } from './features/allow-probe.js';
import type { OpenDocuments } from './documents/open-documents.js';
import type { Scheduler } from './documents/scheduler.js';
import type { Log } from './log.js';
import type { Workspace } from './workspace/workspace.js';
import type { Clock } from './clock.js';

/** One server's rooms, created by {@link createServer} and handed to each feature. */
export interface ServerContext {
  connection: Connection;
  log: Log;
  clock: Clock;
  workspace: Workspace;
  documents: OpenDocuments;
  analyser: Analyser;
  scheduler: Scheduler;
  /** Whether "Allow" silences each rule, tried ahead of the quick-fix menu. */
  allowProbe: AllowProbe;
  /** What the client said it can do at initialize. */
  client: { ignoreHere: boolean };
}
