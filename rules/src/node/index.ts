/** Node-only helpers shared by the language server and the CLI: config files, ignore files, safe reads and writes, walks. */
export {
  CONFIG_NAMES,
  MAX_CONFIG_BYTES,
  findConfigFile,
  loadConfigFile,
  loadConfigForFile,
  kindForFile,
  kindMatcher,
  type ConfigSearch,
  type LoadedConfig,
} from './config.js';
export { IgnorePatterns, scopeIgnorePattern } from './ignore.js';
export { decode, encodeText, fileKind, isTextFile, readFileBytes, readTextFile, readTextFileSync, type FileStamp, type TextEncoding, type TextFile, type Unreadable, type UnreadableReason } from './read.js';
export { replaceFileSync, WriteRefused, type ReplaceOptions } from './write.js';
export { isWithin, walkFiles, type WalkedFile, type WalkOptions, type WalkSkip } from './walk.js';
