#!/usr/bin/env bash
# Installs what the Word-document suite (npm run test:docx) needs from Debian's packages: LibreOffice Writer, run
# headless (opens each reviewed copy, converts it to PDF and text), python3-docx (builds the test documents) and
# poppler-utils (pdfinfo, pdftotext and pdftoppm read the PDFs). Idempotent: installed packages are skipped.
# The full libreoffice-writer, not libreoffice-writer-nogui: printing comments in the margin of a PDF draws them with
# Writer's comment windows, whose UI files only the full package ships (with -nogui the PDF export fails).
set -euo pipefail
log() { printf '[docx install] %s\n' "$*" >&2; }
# shellcheck source=../apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/../apt-install.sh"

# fonts-liberation and fonts-dejavu-core: text in the PDFs and screenshots is readable without Recommends.
pkgs=(libreoffice-writer python3-docx poppler-utils fonts-liberation fonts-dejavu-core)
apt_install "${pkgs[@]}"
for bin in /usr/bin/soffice /usr/bin/pdfinfo /usr/bin/pdftoppm /usr/bin/pdftotext; do
  [ -x "$bin" ] || { log "missing $bin after apt-get"; exit 1; }
done
ui=/usr/lib/libreoffice/share/config/soffice.cfg/modules/swriter/ui/annotation.ui
[ -f "$ui" ] || { log "missing $ui: LibreOffice cannot draw comments in the margin"; exit 1; }
/usr/bin/python3 -c 'import docx' || { log "python3-docx is not importable by /usr/bin/python3"; exit 1; }
log "done"
