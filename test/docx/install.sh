#!/usr/bin/env bash
# Installs what the Word-document suite (npm run test:docx) needs from Debian's packages: headless LibreOffice
# Writer (opens each reviewed copy, converts it to PDF and text), python3-docx (builds the test documents) and
# poppler-utils (pdftoppm and pdftotext read the PDFs). Idempotent: installed packages are skipped.
set -euo pipefail
log() { printf '[docx install] %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else log "not root and no sudo: apt-get steps may fail"; fi
fi

# Comments in the margin of a PDF (the ExportNotesInMargin option) need LibreOffice 7.6 or later. Debian 12 ships
# 7.4, so on Debian 12 LibreOffice comes from Debian's own bookworm-backports suite.
if grep -q '^VERSION_CODENAME=bookworm' /etc/os-release 2>/dev/null; then
  list=/etc/apt/sources.list.d/fairword-backports.sources
  if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    log "adding Debian's bookworm-backports suite ($list)"
    printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' | $SUDO tee "$list" >/dev/null
    updated=0
  fi
  lo_release=(-t bookworm-backports)
else
  lo_release=()
fi

lo_major() { soffice --version 2>/dev/null | sed -n 's/^LibreOffice \([0-9]*\)\.\([0-9]*\).*/\1 \2/p'; }
lo_ok() { read -r major minor <<<"$(lo_major)"; [ -n "${major:-}" ] && { [ "$major" -gt 7 ] || { [ "$major" -eq 7 ] && [ "$minor" -ge 6 ]; }; }; }

# fonts-liberation and fonts-dejavu-core: text in the PDFs and screenshots is readable without Recommends.
pkgs=(python3-docx poppler-utils fonts-liberation fonts-dejavu-core)
missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if [ "${#missing[@]}" -gt 0 ] || ! lo_ok; then
  $SUDO apt-get update -qq
  updated=1
fi
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! lo_ok; then
  log "apt-get installing: libreoffice-writer-nogui ${lo_release[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${lo_release[@]}" libreoffice-writer-nogui >/dev/null
fi
lo_ok || { log "LibreOffice 7.6 or later is needed (found: $(soffice --version 2>/dev/null || echo none))"; exit 1; }
log "Debian packages present (${updated:+apt lists refreshed; }$(soffice --version | cut -d' ' -f1-2))"
for bin in /usr/bin/soffice /usr/bin/pdftoppm /usr/bin/pdftotext; do
  [ -x "$bin" ] || { log "missing $bin after apt-get"; exit 1; }
done
/usr/bin/python3 -c 'import docx' || { log "python3-docx is not importable by /usr/bin/python3"; exit 1; }
log "done"
