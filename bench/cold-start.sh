#!/usr/bin/env sh
# Cold start of the window: from launching apdm to its main window mapped on the X display, median of N runs, for
# the installer's app image and, as the floor, the plain jar on the JDK. Needs an X display (xvfb-run) and xwininfo.
#   ./mvnw -B -Pinstaller -DskipTests package
#   xvfb-run -a sh bench/cold-start.sh [runs]
set -eu
cd "$(dirname "$0")/.."
runs="${1:-5}"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

measure() { # label, command...
  label="$1"; shift
  times=""
  i=0
  while [ "$i" -lt "$runs" ]; do
    i=$((i + 1))
    start=$(date +%s%N)
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_STATE_HOME="$home/.local/state" XDG_DATA_HOME="$home/.local/share" \
      "$@" >/dev/null 2>&1 &
    pid=$!
    until xwininfo -root -tree 2>/dev/null | grep -q '"apdm — Astrophotography Data Manager"'; do
      sleep 0.02
      if ! kill -0 "$pid" 2>/dev/null; then echo "$label: apdm exited before its window showed" >&2; exit 1; fi
    done
    end=$(date +%s%N)
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    times="$times $(( (end - start) / 1000000 ))"
  done
  median=$(echo $times | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "| $label | $median ms | runs:$times |"
}

echo "| start | median to window shown | each run (ms) |"
echo "|---|---|---|"
measure "installer app image (bundled jlink runtime)" app/target/installer/apdm/bin/apdm
measure "plain jar on the JDK (floor)" java -Djava.util.logging.config.file=/dev/null -jar app/target/apdm.jar
