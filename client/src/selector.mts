/**
 * Which documents Fairword checks: Markdown and plain text on disk, untitled, and in virtual workspaces
 * (vscode-vfs: github.dev and remote repositories; vscode-remote: a browser attached to a server, as code-server).
 * One definition for the language client, the status item and the report view.
 */

/** Languages checked. */
export const LANGUAGES: readonly string[] = ['markdown', 'plaintext'];

/** URI schemes checked. */
export const SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'];

/** The document selector of the language client and the status item. */
export const documentSelector = LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language })));

/** Whether Fairword checks a document with this language and URI scheme. */
export const isCheckedKind = (languageId: string, scheme: string): boolean => LANGUAGES.includes(languageId) && SCHEMES.includes(scheme);
