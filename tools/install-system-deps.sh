#!/usr/bin/env bash
# Installs the system tools the tests use as real clients (PDF, OCR, QR, video display, browser,
# office), only those that are missing. Needs Debian/Ubuntu apt and root (or sudo); elsewhere it
# says what to install and the tests that need a missing tool skip, naming its package.
set -u
declare -A need=(
  [pdftotext]=poppler-utils [pdftoppm]=poppler-utils [pdffonts]=poppler-utils
  [qpdf]=qpdf [tesseract]=tesseract-ocr [zbarimg]=zbar-tools [Xvfb]=xvfb
  [chromium]=chromium [soffice]=libreoffice-impress [espeak-ng]=espeak-ng
)
missing=()
for cmd in "${!need[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${need[$cmd]}")
done
[ -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] || ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata >/dev/null 2>&1 || missing+=(tesseract-ocr-vie)
# Qt's xcb platform plugin (for the app under Xvfb) needs these libraries.
for lib in libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-image0 libxcb-render-util0 libxcb-shape0 libegl1 libgl1 libfontconfig1 libdbus-1-3; do
  dpkg -s "$lib" >/dev/null 2>&1 || missing+=("$lib")
done
[ ${#missing[@]} -eq 0 ] && exit 0
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: no apt-get here; please install: ${missing[*]}" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-system-deps: installing ${missing[*]}" >&2
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
