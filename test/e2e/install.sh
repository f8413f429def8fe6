#!/usr/bin/env bash
# Installs what the end-to-end tests need: Debian packages (Chromium, ripgrep, and the
# headers code-server's native modules build against), then code-server and
# playwright-core from this folder's own package.json / package-lock.json.
# Idempotent: re-running skips whatever is already in place. FORCE=1 reinstalls npm deps.
# Works as root on a fresh machine that reaches only the npm registry and Debian's packages.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
start=$(date +%s)
log() { printf '[e2e install] %s\n' "$*" >&2; }
# shellcheck source=../apt-install.sh
source "$here/../apt-install.sh"

# --- (a) Debian packages --------------------------------------------------------------
# libkrb5-dev + pkg-config: code-server's `kerberos` native module; ripgrep: seeded into
# @vscode/ripgrep below (its own download from GitHub is unreachable); chromium: the browser.
# fonts-liberation: readable text in screenshots (we skip Recommends to keep it small).
pkgs=(libkrb5-dev pkg-config ripgrep chromium fonts-liberation)
apt_install "${pkgs[@]}"
for bin in /usr/bin/chromium /usr/bin/rg; do
  [ -x "$bin" ] || { log "missing $bin after apt-get"; exit 1; }
done

# --- (b) pre-seed the ripgrep archive @vscode/ripgrep would download ---------------------
# Versions as bundled by code-server 4.100.3 (@vscode/ripgrep 1.15.11, ripgrep v13.0.0-10).
RG_PKG_VERSION=1.15.11
RG_VERSION=v13.0.0-10
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64|arm64) rg_target=aarch64-unknown-linux-musl ;;
  *) log "unsupported arch $(uname -m)"; exit 1 ;;
esac
rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-${RG_PKG_VERSION}"
rg_archive="$rg_cache/ripgrep-${RG_VERSION}-${rg_target}.tar.gz"
if [ ! -s "$rg_archive" ]; then
  log "seeding $rg_archive from /usr/bin/rg"
  mkdir -p "$rg_cache"
  tmp="$(mktemp -d)"
  cp /usr/bin/rg "$tmp/rg"
  tar -czf "$rg_archive" -C "$tmp" rg
  rm -rf "$tmp"
fi

# --- (c) npm dependencies ------------------------------------------------------------
export npm_config_unsafe_perm=true   # code-server's postinstall refuses to run as root without it
export npm_config_yes=true           # node-pty's postinstall runs `npx node-gyp`
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# node-gyp must build against the local Node headers, not download them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_version.h ]; then
  export npm_config_nodedir=/usr
fi

stamp=node_modules/.fairword-e2e-installed
if [ -f package-lock.json ]; then
  want="$(sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)"
  if [ "${FORCE:-0}" != 1 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
     && [ -x node_modules/.bin/code-server ] && [ -d node_modules/playwright-core ]; then
    log "node_modules up to date with package-lock.json"
  else
    log "npm ci"
    npm ci --no-audit --no-fund
  fi
else
  log "no package-lock.json yet: npm install (creates it)"
  npm install --no-audit --no-fund
fi
# sanity: code-server runs and bundled ripgrep is there
node_modules/.bin/code-server --version >/dev/null
[ -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ] \
  || { log "bundled ripgrep missing: the ripgrep pre-seed did not take"; exit 1; }
sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1 > "$stamp"

log "done in $(( $(date +%s) - start )) s"
