#!/usr/bin/env bash
# A real-window crash test: drive Kring by keyboard under Xvfb through a whole short protocol,
# start a second meeting, kill the app with SIGKILL halfway, start it again, resume, finish, and
# check both meeting records on disk. Fails when resume is broken.
#
#   .ci/crash-test.sh [path/to/kring]     (default: target/debug/kring)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/debug/kring}
[ -x "$bin" ] || { echo "crash-test: $bin is missing; build it first (cargo build)" >&2; exit 1; }

need=""
command -v Xvfb >/dev/null || need="$need xvfb xauth"
command -v xdotool >/dev/null || need="$need xdotool"
command -v openbox >/dev/null || need="$need openbox"
if [ -n "$need" ]; then
  echo "crash-test: installing$need"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need) >/dev/null
fi

work=$(mktemp -d)
data="$work/data"
disp=:$(( 200 + RANDOM % 500 ))
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$disp LIBGL_ALWAYS_SOFTWARE=1 XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$work}
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null || true
  kill "$wm_pid" "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.05; done
openbox >/dev/null 2>&1 &
wm_pid=$!
sleep 0.5

meetings="$data/groups/mijn-groep/meetings"
in_progress="$data/groups/mijn-groep/in-progress.ron"

start_app() {
  "$bin" --data-dir "$data" >"$work/app.log" 2>&1 &
  app_pid=$!
  local win=""
  for _ in $(seq 100); do
    win=$(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | head -n 1 || true)
    [ -n "$win" ] && break
    sleep 0.1
  done
  [ -n "$win" ] || { echo "crash-test: no window appeared"; cat "$work/app.log"; exit 1; }
  xdotool windowactivate "$win" 2>/dev/null || true
  sleep 1
}
keys() { for k in "$@"; do xdotool key "$k"; sleep 0.35; done; }
repeat() { local n=$1 k=$2; for _ in $(seq "$n"); do keys "$k"; done; }
count_files() { find "$meetings" -name '*.ron' 2>/dev/null | wc -l; }
# Press Right until the number of meeting records reaches $1 (at most $2 presses).
right_until() {
  local want=$1 max=$2
  for _ in $(seq "$max"); do
    [ "$(count_files)" -ge "$want" ] && return 0
    keys Right
  done
  sleep 1
  [ "$(count_files)" -ge "$want" ]
}
fail() { echo "crash-test: FAILED: $*"; ls -la "$data" "$meetings" 2>/dev/null || true; cat "$work/app.log"; exit 1; }

# "Uitpluizen" (third in the list) has 5 phases: 18 steps from the first explanation to the end.
start_app
keys Down Down Return Return   # choose, start, "who is here" left empty
keys space                     # the introduction (first meeting with this protocol)
right_until 1 30 || fail "the first meeting was not saved"
keys Return                    # back to the start

keys Return Return             # same protocol again; no introduction the second time
repeat 5 Right                 # into the second phase
sleep 2.5                      # the autosave is due within two seconds
[ -f "$in_progress" ] || fail "no autosave of the meeting in progress"
kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
echo "crash-test: killed the app mid-meeting (SIGKILL)"

start_app
[ -n "${CRASH_TEST_SHOTS:-}" ] && import -window root "$CRASH_TEST_SHOTS/after-restart.png"
keys Return                    # "carry on: the time in between counts as a pause"
sleep 0.5
[ -n "${CRASH_TEST_SHOTS:-}" ] && import -window root "$CRASH_TEST_SHOTS/resumed.png"
right_until 2 30 || fail "the resumed meeting was not saved"
[ -n "${CRASH_TEST_SHOTS:-}" ] && import -window root "$CRASH_TEST_SHOTS/end.png"
kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""

[ "$(count_files)" = 2 ] || fail "expected 2 meeting records, found $(count_files)"
[ ! -e "$in_progress" ] || fail "the autosave was not removed after the resumed meeting ended"
for f in "$meetings"/*.ron; do
  done_phases=$(grep -c 'outcome: Done' "$f" || true)
  [ "$done_phases" = 5 ] || fail "$f: $done_phases of 5 phases done"
  grep -q 'ended_early: false' "$f" || fail "$f ended early"
done
echo "crash-test: passed (two meetings on disk, the second resumed after SIGKILL)"
