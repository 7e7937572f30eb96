#!/bin/sh
# Makes (or removes, with "remove") Workline's class-data sharing archive for this installation: the classes that
# start-up loads, as recorded by the build's training run (workline.classlist), mapped ready-made into memory at
# every start. Run by the package's post-install and pre-removal scripts; JDK 17 accepts the archive only at the
# class path it was made for, which is why it is made here and not at build time (ADR 13).
app=$(cd "$(dirname "$0")" && pwd)
archive="$app/workline.jsa"
if [ "${1:-}" = remove ]; then
  rm -f "$archive"
  exit 0
fi
# The class path exactly as the launcher passes it (the order of app.classpath in workline.cfg).
classpath=$(sed -n "s|^app.classpath=\$APPDIR/|$app/|p" "$app/workline.cfg" | paste -sd: -)
rm -f "$archive"
if ! "$app/../runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/workline.classlist" \
     -XX:SharedArchiveFile="$archive" -cp "$classpath" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null 2>&1; then
  rm -f "$archive"
  echo "workline: no class-data archive was made; Workline starts a little slower" >&2
fi
chmod 644 "$archive" 2>/dev/null
exit 0
