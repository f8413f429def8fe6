/**
 * `workspace/executeCommand`: "Allow 'term' in this workspace" and "Turn off the rule", which change the
 * `.fairword.yaml` that governs the document (creating it at the top of the folder the config search covers). The text edits themselves
 * are pure (config-edit.ts); this room reads and writes the file and tells the user.
 */
import { parseConfig } from '@fairword/rules';
import type { ExecuteCommandParams } from 'vscode-languageserver';
import type { ServerContext } from '../context.js';
import { ALLOW_TERM_COMMAND, TURN_OFF_RULE_COMMAND, type AllowTermArgs, type TurnOffRuleArgs } from '../protocol.js';
import { MAX_CONFIG_BYTES } from '../workspace/configs.js';
import type { FileSystem } from '../workspace/file-system.js';
import { baseName, displayPath } from '../workspace/uris.js';
import { allowTerm, turnOffRule, type ConfigEdit } from './config-edit.js';

/** What a command that changes the config file answers: the file, and whether it changed. */
export type ConfigChange = { path: string; changed: boolean } | null;

/** The server commands: which argument each takes, the edit it makes, and what it tells the user. */
const COMMANDS: Record<string, { arg: 'term' | 'ruleId'; edit(text: string, fileName: string, value: string): ConfigEdit; say(value: string, shown: string, outcome: Outcome): string }> = {
  [ALLOW_TERM_COMMAND]: {
    arg: 'term' satisfies keyof AllowTermArgs,
    edit: (text, fileName, term) => allowTerm(text, term, fileName),
    say: (term, shown, outcome) =>
      outcome === 'unchanged'
        ? `'${term}' is already allowed in ${shown}.`
        : `Fairword ${outcome === 'created' ? 'created' : 'updated'} ${shown}: '${term}' is now allowed and will not be flagged.`,
  },
  [TURN_OFF_RULE_COMMAND]: {
    arg: 'ruleId' satisfies keyof TurnOffRuleArgs,
    edit: (text, fileName, ruleId) => turnOffRule(text, ruleId, fileName),
    say: (ruleId, shown, outcome) =>
      outcome === 'unchanged'
        ? `The '${ruleId}' rule is already off in ${shown}.`
        : `Fairword ${outcome === 'created' ? 'created' : 'updated'} ${shown}: the '${ruleId}' rule is now off.`,
  },
};

/** What happened to the config file. */
type Outcome = 'created' | 'changed' | 'unchanged';

/** Runs a Fairword server command; `refresh` re-checks everything once the config file has changed (resolving when the open documents are). */
export async function executeCommand(ctx: ServerContext, fs: FileSystem, params: ExecuteCommandParams, refresh: () => Promise<unknown>): Promise<ConfigChange> {
  const arg = params.arguments?.[0] as Record<string, unknown> | undefined;
  const uri = typeof arg?.['uri'] === 'string' ? arg['uri'] : undefined;
  const command = COMMANDS[params.command];
  const value = command && arg?.[command.arg];
  if (!uri || !command || typeof value !== 'string') return null;
  return changeConfig(
    ctx,
    fs,
    uri,
    refresh,
    (text, name) => command.edit(text, name, value),
    (shown, outcome) => command.say(value, shown, outcome),
  );
}

/**
 * Applies an edit to the config file that governs `uri` (creating it where it would govern it), re-checks, then says
 * so. Only a file inside the document's workspace folder is written, never through a link that leads out of it.
 */
async function changeConfig(
  ctx: ServerContext,
  fs: FileSystem,
  uri: string,
  refresh: () => Promise<unknown>,
  change: (text: string, fileName: string) => ConfigEdit,
  say: (shown: string, outcome: Outcome) => string,
): Promise<ConfigChange> {
  const { connection, workspace, log } = ctx;
  const target = await workspace.configToEdit(uri);
  if ('refusal' in target) {
    void connection.window.showErrorMessage(`Fairword did not change its settings: ${target.refusal}`);
    return null;
  }
  const shown = workspace.shownPath(target.uri);
  const name = baseName(target.uri);
  let text = '';
  try {
    if (target.exists) text = await fs.readText(target.uri, MAX_CONFIG_BYTES);
  } catch (err) {
    void connection.window.showErrorMessage(`Fairword could not read ${shown}: ${err instanceof Error ? err.message : String(err)}.`);
    return null;
  }
  const first = target.exists ? parseConfig(text, name).errors[0] : undefined;
  const result: ConfigEdit = first
    ? { error: `line ${first.line + 1} has a mistake (${first.message}). Fix it first, then try again.` }
    : change(text, name);
  if ('error' in result) {
    void connection.window.showErrorMessage(`Fairword could not change ${shown}: ${result.error}`);
    return null;
  }
  if (result.changed) {
    try {
      await fs.writeFile(target.uri, new TextEncoder().encode(result.text));
    } catch (err) {
      void connection.window.showErrorMessage(`Fairword could not write ${shown}: ${err instanceof Error ? err.message : String(err)}. The file is unchanged.`);
      return null;
    }
    // The message comes once the open documents show the change, so what it says is already true.
    if (await workspace.configs.changed(target.uri, false)) await refresh();
  }
  const outcome = !result.changed ? 'unchanged' : target.exists ? 'changed' : 'created';
  const openIt = { title: `Open ${name}` };
  log.run(
    'telling the user about the settings change',
    connection.window.showInformationMessage(say(shown, outcome), openIt).then((choice) => {
      if (choice) return connection.window.showDocument({ uri: target.uri, takeFocus: true });
      return undefined;
    }),
  );
  return { path: displayPath(target.uri), changed: result.changed };
}
