#!/usr/bin/env bash
# Refreshes the Vietnamese UI translation from the sources: pyside6-lupdate collects every tr() string
# of src/trainer/ui into trainer_vi.ts (no source locations, so parallel edits do not conflict on line
# numbers), then pyside6-lrelease compiles the .qm the app loads. New strings come in as "unfinished":
# translate them (Qt Linguist, or by hand in the .ts) and run this again; a test fails on any unfinished one.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
TS=src/trainer/resources/translations/trainer_vi.ts
mapfile -t sources < <(find src/trainer/ui -name "*.py" | sort)
"$BIN/pyside6-lupdate" -locations none -no-obsolete "${sources[@]}" -ts "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm "${TS%.ts}.qm"
