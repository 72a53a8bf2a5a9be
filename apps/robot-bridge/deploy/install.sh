#!/bin/sh
# Installs the bridge's production path on a Debian machine: the bridge as a systemd service run by a
# `reception` system user, its data in /var/lib/reception, settings in /etc/reception/bridge.env, and a
# nightly backup (reception-backup.timer) into /var/backups/reception. Run as root from a checkout where
# `npm ci` and `npm run build` have been run.
#
#   sudo apps/robot-bridge/deploy/install.sh --site /etc/reception/site [--robot-port /dev/ttyACM0]
#
# Options:
#   --site DIR         the centre's site folder (site.yaml, staff.yaml, map/); not the demo's public one
#   --port N           BRIDGE_PORT; default 8080
#   --robot-port PATH  the robot base's serial port (ROBOT_PORT); default none (no robot)
#   --backup-dir DIR   where the nightly backups go; default /var/backups/reception (better: another disk)
#   --keep-days N      backups older than this are removed; default 30
#   --root DIR         install under DIR instead of / (packaging and tests); implies --no-systemctl
#   --no-systemctl     write the files only; do not create the user or enable the services
# Packages it needs: nodejs (>= 24).
set -eu

here="$(cd "$(dirname "$0")" && pwd)"
prefix="$(cd "$here/../../.." && pwd)"
root=""
site=""
port=8080
robot_port=""
backup_dir=/var/backups/reception
keep_days=30
systemctl=1

while [ $# -gt 0 ]; do
  case "$1" in
    --site) site="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --robot-port) robot_port="$2"; shift 2 ;;
    --backup-dir) backup_dir="$2"; shift 2 ;;
    --keep-days) keep_days="$2"; shift 2 ;;
    --root) root="$2"; systemctl=0; shift 2 ;;
    --no-systemctl) systemctl=0; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "install.sh: $1" >&2; exit 2; }
[ -n "$site" ] || fail "--site DIR is needed: the centre's site folder (start from a copy of sites/demo-ward)"
case "$site" in /*) ;; *) fail "--site must be an absolute path, not '$site'" ;; esac
case "$backup_dir" in /*) ;; *) fail "--backup-dir must be an absolute path, not '$backup_dir'" ;; esac
case "$port" in '' | *[!0-9]*) fail "--port must be a number, not '$port'" ;; esac
case "$keep_days" in '' | *[!0-9]*) fail "--keep-days must be a number of days, not '$keep_days'" ;; esac
[ -f "$site/site.yaml" ] || fail "$site has no site.yaml"
[ -f "$site/staff.yaml" ] || fail "$site has no staff.yaml"
if [ -f "$site/demo-devices.yaml" ]; then
  fail "$site/demo-devices.yaml holds the demo's public device tokens, which the bridge refuses in production: remove it and create tokens with \`npm run -s admin -- token create\`"
fi

# Sets $node; stops unless the checkout can run as a service (outside /home, Node 24, built).
built="apps/kiosk/dist/index.html apps/staff-web/dist"
. "$prefix/scripts/deploy-checkout.sh"

etc="$root/etc/reception"
units="$root/etc/systemd/system"
mkdir -p "$etc" "$units"

# Settings: written once; a later install never overwrites what the IT person changed.
if [ ! -f "$etc/bridge.env" ]; then
  cat >"$etc/bridge.env" <<ENV
# Bridge settings (README "Configuration" explains each). Restart after a change:
#   systemctl restart robot-bridge
# DATA_DIR is /var/lib/reception (set in the unit); NODE_ENV=production refuses demo credentials.
SITE_DIR=$site
BRIDGE_PORT=$port
ROBOT_PORT=$robot_port
#PRINTER_PORT=/dev/usb/lp0
# HTTPS (README "HTTPS"): the certificate and its key, readable by the reception user.
#BRIDGE_TLS_CERT=/etc/reception/bridge-cert.pem
#BRIDGE_TLS_KEY=/etc/reception/bridge-key.pem
# Pages that may open the bridge's sockets besides its own: the Electron kiosk, and the browser-mode kiosk
# screen, which each kiosk host serves on its own 127.0.0.1:8090 (KIOSK_HOST_PORT).
ALLOWED_ORIGINS=app://kiosk,http://127.0.0.1:8090,http://localhost:8090
LOG_LEVEL=info
# Nightly backups (reception-backup.timer); restore: README "Backups". The backup unit may write only to
# the folder install.sh was given: to move it, run install.sh again with --backup-dir and change this line.
BACKUP_DIR=$backup_dir
BACKUP_KEEP_DAYS=$keep_days
ENV
  chmod 0644 "$etc/bridge.env"
fi

for unit in robot-bridge.service reception-backup.service reception-backup.timer; do
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@NODE@|$node|g" -e "s|@NODE_BIN@|$(dirname "$node")|g" \
    -e "s|@BACKUP_DIR@|$backup_dir|g" "$here/$unit" >"$units/$unit"
  chmod 0644 "$units/$unit"
done
mkdir -p "$root$backup_dir"
chmod 0700 "$root$backup_dir"

if [ "$systemctl" -eq 1 ]; then
  if ! id reception >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /var/lib/reception --shell /usr/sbin/nologin reception
  fi
  chown reception:reception "$backup_dir"
  systemctl daemon-reload
  systemctl enable --now robot-bridge.service reception-backup.timer
  echo "install.sh: bridge installed: $(systemctl is-active robot-bridge.service); backups: $(systemctl is-active reception-backup.timer)"
else
  echo "install.sh: files written under ${root:-/} (no systemctl)"
fi
