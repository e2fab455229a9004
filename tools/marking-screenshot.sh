#!/usr/bin/env bash
# Regenerates docs/img/app-marking.png: the real app under Xvfb at 1366x768 (Vietnamese UI), marking a
# zoomed screenshot, on a throw-away copy of the bundled library. Needs xvfb (tools/install-system-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill "${xvfb:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r content "$work/content"
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
DISPLAY=":$(cat "$work/display")" QT_QPA_PLATFORM=xcb TRAINER_LANG=vi XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
  PYTHONPATH=tools TRAINER_TEST_HOOK=marking_screenshot:run MARKING_SHOT="$PWD/docs/img/app-marking.png" \
  .venv/bin/python -m trainer app "$work/content"
echo "docs/img/app-marking.png"
