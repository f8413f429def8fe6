#!/usr/bin/env bash
# Installs what the real-client tests in this folder need: Debian's neovim; emacs-nox with elpa-eglot (Emacs's LSP
# client) and elpa-markdown-mode (without it Emacs opens .md files in Fundamental mode); then, through
# test/e2e/install.sh, Chromium and playwright-core. Idempotent; works as root on a machine that reaches only the
# npm registry and Debian's packages.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf '[clients install] %s\n' "$*" >&2; }
# shellcheck source=../apt-install.sh
source "$here/../apt-install.sh"

apt_install neovim emacs-nox elpa-eglot elpa-markdown-mode
for bin in nvim emacs; do
  command -v "$bin" >/dev/null || { log "$bin missing after apt-get"; exit 1; }
done

bash "$here/../e2e/install.sh"
