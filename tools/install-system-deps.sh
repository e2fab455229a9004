#!/usr/bin/env bash
# Installs the system tools the tests use as real clients (PDF, OCR, QR, video display, browser,
# office), only those that are missing. Needs Debian/Ubuntu apt and root (or sudo). Exits 1, saying
# what to install, when it cannot install them all.
#   --check   install nothing: print the missing packages on one line, exit 1 if there are any.
set -u
declare -A need=(
  [pdftotext]=poppler-utils [pdftoppm]=poppler-utils [pdffonts]=poppler-utils
  [qpdf]=qpdf [tesseract]=tesseract-ocr [zbarimg]=zbar-tools [Xvfb]=xvfb
  [chromium]=chromium [soffice]=libreoffice-impress [espeak-ng]=espeak-ng
  [pulseaudio]=pulseaudio [pactl]=pulseaudio-utils [paplay]=pulseaudio-utils
  [xdotool]=xdotool
)
# Packages checked by name: LibreOffice Writer (converts Word 97 .doc files for trainer import, and the
# importer tests' documents), then the libraries Qt's xcb platform plugin needs for the app under Xvfb.
libraries=(libreoffice-writer libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-image0 libxcb-render-util0 libxcb-shape0 libegl1 libgl1 libfontconfig1 libdbus-1-3)

missing_packages() {
  local missing=() cmd lib
  for cmd in "${!need[@]}"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("${need[$cmd]}")
  done
  ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata >/dev/null 2>&1 || missing+=(tesseract-ocr-vie)
  if command -v dpkg >/dev/null 2>&1; then
    for lib in "${libraries[@]}"; do
      dpkg -s "$lib" >/dev/null 2>&1 || missing+=("$lib")
    done
  fi
  [ ${#missing[@]} -eq 0 ] || printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ' | sed 's/ $//'
}

missing=$(missing_packages)
if [ "${1:-}" = "--check" ]; then
  [ -z "$missing" ] && exit 0
  echo "$missing"
  exit 1
fi
[ -z "$missing" ] && exit 0
fail() {
  echo "install-system-deps: $1; please install: $missing" >&2
  exit 1
}
command -v apt-get >/dev/null 2>&1 || fail "no apt-get here"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || fail "not root and no sudo"
  SUDO="sudo"
fi
echo "install-system-deps: installing $missing" >&2
# shellcheck disable=SC2086  # one package name per word
$SUDO apt-get update -qq >/dev/null || fail "apt-get update failed"
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null || fail "apt-get install failed"
still=$(missing_packages)
[ -z "$still" ] || { missing=$still; fail "still missing after apt-get install"; }
