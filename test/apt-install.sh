#!/usr/bin/env bash
# Sourced by the suites' install scripts (test/*/install.sh). `apt_install PKG...` installs from Debian's packages
# those not yet installed (idempotent), as root or through sudo. The caller defines `log`.

apt_install() {
  local sudo="" p
  local -a missing=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else log "not root and no sudo: apt-get steps may fail"; fi
  fi
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "apt-get installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    log "Debian packages present: $*"
  fi
}
