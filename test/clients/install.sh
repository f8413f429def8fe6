#!/usr/bin/env bash
# Installs what the real-client tests in this folder need: Debian's neovim, and (through test/e2e/install.sh)
# Chromium and playwright-core. Idempotent; works as root on a machine that reaches only the npm registry and
# Debian's packages.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf '[clients install] %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

if ! dpkg-query -W -f='${Status}' neovim 2>/dev/null | grep -q 'install ok installed'; then
  log "apt-get installing: neovim"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends neovim >/dev/null
else
  log "neovim present"
fi
command -v nvim >/dev/null || { log "nvim missing after apt-get"; exit 1; }

bash "$here/../e2e/install.sh"
