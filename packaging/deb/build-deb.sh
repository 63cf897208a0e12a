#!/bin/sh
# Builds the xenplane-daemon Debian package from the host daemon's Maven output.
#
#   build-deb.sh <quarkus-app dir> <maven version> <daemon README> <output dir>
#
# The Maven build of packaging/ runs it (phase package). It writes <output dir>/xenplane-daemon-root
# (the package's file tree) and <output dir>/xenplane-daemon_<version>_all.deb. The Debian version
# is the Maven version with '-' turned into '~' (0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT sorts before 0.1.0).
set -eu

[ $# -eq 4 ] || { echo "usage: $0 <quarkus-app dir> <maven version> <daemon README> <output dir>" >&2; exit 2; }
app=$1 maven_version=$2 readme=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)

[ -f "$app/quarkus-run.jar" ] || { echo "$app/quarkus-run.jar is missing: build host-daemon/agent first" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is needed (apt-get install dpkg)" >&2; exit 1; }

version=$(printf '%s' "$maven_version" | tr '-' '~')
root=$out/xenplane-daemon-root
deb=$out/xenplane-daemon_${version}_all.deb

rm -rf "$root" "$deb"
mkdir -p "$root/DEBIAN" "$root/usr/share/xenplane-daemon" "$root/usr/bin" "$root/lib/systemd/system" \
  "$root/etc/xenplane" "$root/usr/share/doc/xenplane-daemon"

cp -R "$app/." "$root/usr/share/xenplane-daemon/"
install -m 0755 "$here/xenplane-daemon" "$root/usr/bin/xenplane-daemon"
install -m 0644 "$here/xenplane-daemon.service" "$root/lib/systemd/system/xenplane-daemon.service"
install -m 0600 "$here/daemon.conf" "$root/etc/xenplane/daemon.conf"
install -m 0644 "$readme" "$root/usr/share/doc/xenplane-daemon/README.md"
for script in postinst prerm postrm; do
  install -m 0755 "$here/$script" "$root/DEBIAN/$script"
done
echo /etc/xenplane/daemon.conf > "$root/DEBIAN/conffiles"

# Directories 0755, files 0644 unless set above; nothing writable by others.
find "$root/usr/share/xenplane-daemon" -type d -exec chmod 0755 {} +
find "$root/usr/share/xenplane-daemon" -type f -exec chmod 0644 {} +
chmod 0755 "$root/etc/xenplane"

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$size/" "$here/control" > "$root/DEBIAN/control"

dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null
echo "built $deb"
