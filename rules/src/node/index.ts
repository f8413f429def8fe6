/** Node-only helpers shared by the language server and the CLI: finding and loading `.fairword.yaml`. */
export { CONFIG_NAMES, findConfigFile, loadConfigFile, loadConfigForFile, kindForFile, type LoadedConfig } from './config.js';
export { scopeIgnorePattern } from './ignore.js';
