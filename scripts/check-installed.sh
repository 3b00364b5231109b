#!/usr/bin/env bash
# Installs legation with `cargo install` and runs the installed binary from
# another folder, with empty data folders: the bundled story must open with
# no build tree to lean on. Run by .ci/run after the tests (it reuses their
# build, so it takes seconds).
set -euo pipefail
cd "$(dirname "$0")/.."

root="$(mktemp -d)"
home="$(mktemp -d)"
trap 'rm -rf "$root" "$home"' EXIT
CARGO_TARGET_DIR="$PWD/target" cargo install --debug --locked --quiet --path . --root "$root"
legation="$root/bin/legation"

export XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" XDG_CONFIG_HOME="$home/config"
mkdir -p "$home/run" && chmod 700 "$home/run"
export XDG_RUNTIME_DIR="$home/run"
cd /

# The app opens on the bundled story and saves its picture.
xvfb-run -a -s "-screen 0 1280x800x24" "$legation" --screenshot "$home/first.png" 2>"$home/app.log" ||
  { cat "$home/app.log"; exit 1; }
test -s "$home/first.png" || { echo "no screenshot written"; exit 1; }

# What it opened was unpacked to the data folder, and checks clean.
story="$(find "$XDG_DATA_HOME/legation" -name shoigu-pyongyang.json | head -1)"
test -n "$story" || { echo "the bundled story was not unpacked to $XDG_DATA_HOME"; exit 1; }
"$legation" check "$story"
echo "installed legation works from /"
