/**
 * The configurations docs/editors.md gives for the editors tests cannot install (Helix, Zed, Sublime Text): every
 * block parses, and uses only keys and values the editor reads. The key lists come from each editor's source at the
 * commit named beside them; when an editor changes its settings, update the list and the docs together. Neovim's
 * and Emacs's blocks run in real clients (test/clients/neovim.test.ts, emacs.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { editorsDocBlocks, editorsDocBlocksOf } from './editors-doc.js';

const SERVER_PACKAGE = JSON.parse(readFileSync(join(fileURLToPath(new URL('../..', import.meta.url)), 'server/package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
};
const COMMAND = 'fairword-language-server';

type Table = Record<string, unknown>;

/** The block as JSON, failing with the parser's messages (comments allowed, as both editors allow them). */
function json(text: string): Table {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: false }) as unknown;
  expect(errors.map((e) => `${printParseErrorCode(e.error)} at ${e.offset}`)).toEqual([]);
  return table(value);
}

function table(value: unknown): Table {
  expect(value, 'a table / object').toBeTypeOf('object');
  expect(Array.isArray(value)).toBe(false);
  return value as Table;
}

function strings(value: unknown): string[] {
  expect(Array.isArray(value) && value.every((v) => typeof v === 'string'), `${JSON.stringify(value)} is a list of strings`).toBe(true);
  return value as string[];
}

/** Fails naming the keys of `value` that `known` does not hold. */
function keysWithin(value: Table, known: readonly string[], where: string): void {
  expect(Object.keys(value).filter((k) => !known.includes(k)), `unknown keys in ${where}`).toEqual([]);
}

describe('docs/editors.md', () => {
  it('holds exactly the blocks these tests and the real-client tests check', () => {
    expect(editorsDocBlocks().map((b) => `${b.heading}: ${b.lang}`)).toEqual([
      'Install the server: sh',
      'Neovim: lua',
      'Neovim: lua',
      'Neovim: lua', // the Neovim 0.7 form: test/clients/neovim.test.ts runs it
      'Helix: toml',
      'Zed: toml',
      'Zed: toml',
      'Zed: rust',
      'Zed: json',
      'Emacs (eglot): elisp', // test/clients/emacs.test.ts runs it
      'Sublime Text (LSP package): json',
    ]);
  });

  it('installs the package that holds the command every editor starts', () => {
    expect(SERVER_PACKAGE.bin[COMMAND]).toBeDefined();
    expect(editorsDocBlocksOf('Install the server', 'sh')[0]).toContain(`npm install --global ${SERVER_PACKAGE.name}\n${COMMAND} --help\n`);
  });
});

describe('Helix: languages.toml', () => {
  // helix-editor/helix 079a789e8, helix-core/src/syntax/config.rs: `Configuration`, `LanguageServerConfiguration`
  // and `LanguageConfiguration` (kebab-case, deny_unknown_fields); helix-loader/src/grammar.rs reads the grammar keys.
  const TOP = ['language', 'language-server', 'grammar', 'use-grammars'];
  const SERVER = ['command', 'args', 'environment', 'config', 'timeout', 'required-root-patterns'];
  const LANGUAGE = [
    'name', 'language-id', 'scope', 'file-types', 'shebangs', 'roots', 'comment-token', 'comment-tokens',
    'block-comment-tokens', 'text-width', 'soft-wrap', 'auto-format', 'code-actions-on-save', 'formatter',
    'path-completion', 'word-completion', 'diagnostic-severity', 'grammar', 'injection-regex', 'language-servers',
    'indent', 'debugger', 'auto-pairs', 'rulers', 'workspace-lsp-roots', 'persistent-diagnostic-sources',
    'rainbow-brackets',
  ];
  // Helix's own languages.toml (same commit): the languages and servers the block refers to without defining them.
  const BUILT_IN_LANGUAGES = ['markdown'];
  const BUILT_IN_SERVERS = ['marksman', 'markdown-oxide', 'rumdl'];

  const helix = (): Table => parseToml(editorsDocBlocksOf('Helix', 'toml')[0]!);

  it('defines the server as the command with --stdio, with only keys Helix reads', () => {
    const config = helix();
    keysWithin(config, TOP, 'the top level');
    const servers = table(config['language-server']);
    const fairword = table(servers.fairword);
    keysWithin(fairword, SERVER, '[language-server.fairword]');
    expect([fairword.command, fairword.args]).toEqual([COMMAND, ['--stdio']]);
  });

  it('gives each language only keys Helix reads; a new language has the scope and file types Helix requires', () => {
    const config = helix();
    const servers = Object.keys(table(config['language-server']));
    const languages = config.language as Table[];
    expect(languages.map((l) => l.name)).toEqual(['markdown', 'text']);
    for (const language of languages) {
      keysWithin(language, LANGUAGE, `[[language]] ${String(language.name)}`);
      const used = strings(language['language-servers']);
      expect(used).toContain('fairword');
      expect(used.filter((s) => !servers.includes(s) && !BUILT_IN_SERVERS.includes(s))).toEqual([]);
      if (!BUILT_IN_LANGUAGES.includes(String(language.name))) {
        expect(language.scope).toBeTypeOf('string');
        expect(strings(language['file-types']).length).toBeGreaterThan(0);
      }
    }
    // The server takes the format from a standard language id, or else from the file name.
    expect(languages[1]).toMatchObject({ 'language-id': 'plaintext', 'file-types': ['txt'] });
  });
});

describe('Zed: a dev extension', () => {
  // zed-industries/zed crates/extension/src/extension_manifest.rs: `ExtensionManifest` and
  // `LanguageServerManifestEntry`. `name` in a language server entry is in Zed's own examples
  // (docs/src/extensions/languages.md); the manifest ignores it.
  const MANIFEST = [
    'id', 'name', 'version', 'schema_version', 'description', 'repository', 'authors', 'lib', 'themes', 'icon_themes',
    'languages', 'grammars', 'language_servers', 'context_servers', 'agent_servers', 'slash_commands', 'snippets',
    'capabilities', 'debug_adapters', 'debug_locators',
  ];
  const LANGUAGE_SERVER = ['name', 'language', 'languages', 'language_ids', 'code_action_kinds'];
  // Zed's names for its built-in languages: crates/languages/src/markdown/config.toml and PLAIN_TEXT in
  // crates/language/src/language.rs (which Zed sends to servers as the language ids markdown and plaintext).
  const BUILT_IN_LANGUAGES = ['Markdown', 'Plain Text'];

  const zedToml = (index: number): Table => parseToml(editorsDocBlocksOf('Zed', 'toml')[index]!);

  it('extension.toml has the required keys and declares the server for Markdown and Plain Text', () => {
    const manifest = zedToml(0);
    keysWithin(manifest, MANIFEST, 'extension.toml');
    expect(manifest).toMatchObject({ id: 'fairword', schema_version: 1 });
    expect(typeof manifest.name === 'string' && typeof manifest.version === 'string').toBe(true);
    const servers = table(manifest.language_servers);
    expect(Object.keys(servers)).toEqual(['fairword']);
    const fairword = table(servers.fairword);
    keysWithin(fairword, LANGUAGE_SERVER, '[language_servers.fairword]');
    expect(strings(fairword.languages)).toEqual(BUILT_IN_LANGUAGES);
  });

  it('Cargo.toml builds the WebAssembly library Zed loads, against zed_extension_api', () => {
    const cargo = zedToml(1);
    expect(table(cargo.lib)['crate-type']).toEqual(['cdylib']);
    expect(table(cargo.dependencies).zed_extension_api).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('src/lib.rs starts the command with --stdio', () => {
    const source = editorsDocBlocksOf('Zed', 'rust')[0]!;
    expect(source).toContain(`.which("${COMMAND}")`);
    expect(source).toContain('args: vec!["--stdio".to_string()]');
    expect(source).toContain('zed::register_extension!(Fairword);');
  });

  it('settings.json adds the server the extension declares to the languages it declares it for', () => {
    // crates/language/src/language_settings.rs: "..." stands for the other available servers.
    const languages = table(json(editorsDocBlocksOf('Zed', 'json')[0]!).languages);
    expect(Object.keys(languages)).toEqual(BUILT_IN_LANGUAGES);
    for (const settings of Object.values(languages)) expect(table(settings).language_servers).toEqual(['fairword', '...']);
  });
});

describe('Sublime Text: the LSP package', () => {
  // sublimelsp/LSP 7ffc7211, sublime-package.json: LanguageServers.sublime-settings maps names to `ClientConfig`
  // (additionalProperties: false); LanguageServers.sublime-settings names enabled, command and selector as required.
  const CLIENT = [
    'command', 'enabled', 'file_watcher', 'tcp_port', 'auto_complete_selector', 'ignore_server_trigger_chars', 'selector',
    'schemes', 'priority_selector', 'initialization_options', 'initializationOptions', 'settings',
    'experimental_capabilities', 'disabled_capabilities', 'env', 'diagnostics_mode', 'semantic_tokens',
    'markdown_language_map', 'syntax_map',
  ];

  it('LanguageServers.sublime-settings starts the command with --stdio for Markdown and plain text', () => {
    const servers = json(editorsDocBlocksOf('Sublime Text (LSP package)', 'json')[0]!);
    expect(Object.keys(servers)).toEqual(['fairword']);
    const fairword = table(servers.fairword);
    keysWithin(fairword, CLIENT, 'the fairword entry');
    expect(fairword).toEqual({ enabled: true, command: [COMMAND, '--stdio'], selector: fairword.selector });
    // The base scopes of Sublime's Markdown and Plain Text syntaxes, which the package sends to servers as the
    // language ids markdown and plaintext (plugin/core/constants.py).
    expect(String(fairword.selector).split('|').map((s) => s.trim())).toEqual(['text.html.markdown', 'text.plain']);
  });
});
