#!/bin/sh
# Installs the kiosk's production path on a Debian machine: the kiosk host (Node, browser mode) and
# Chromium in --kiosk mode as systemd services, run by a `kiosk` system user, with the settings in
# /etc/reception/kiosk.env and the device token in /etc/reception/kiosk-token (root only, handed to the
# host by systemd). Run as root from a checkout where `npm ci` and `npm run build` have been run.
#
#   sudo apps/kiosk/deploy/install.sh --bridge http://10.0.0.2:8080 --token-file /path/to/token
#
# Options:
#   --bridge URL       the bridge (KIOSK_BRIDGE_URL); default http://127.0.0.1:8080
#   --token-file FILE  the kiosk's device token (from `npm run -s admin -- token create --role kiosk`)
#   --robot-screen     this screen is the robot's own (KIOSK_ROBOT_SCREEN=1)
#   --root DIR         install under DIR instead of / (packaging and tests); implies --no-systemctl
#   --no-systemctl     write the files only; do not create the user or enable the services
# Packages it needs: nodejs (>= 24), chromium, cage, espeak-ng, curl.
set -eu

here="$(cd "$(dirname "$0")" && pwd)"
prefix="$(cd "$here/../../.." && pwd)"
root=""
bridge="http://127.0.0.1:8080"
token_file=""
robot_screen=0
systemctl=1

while [ $# -gt 0 ]; do
  case "$1" in
    --bridge) bridge="$2"; shift 2 ;;
    --token-file) token_file="$2"; shift 2 ;;
    --robot-screen) robot_screen=1; shift ;;
    --root) root="$2"; systemctl=0; shift 2 ;;
    --no-systemctl) systemctl=0; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

case "$bridge" in
  http://*|https://*) ;;
  *) echo "install.sh: --bridge must be an http(s) URL, not '$bridge'" >&2; exit 2 ;;
esac

# Sets $node; stops unless the checkout can run as a service (outside /home, Node 24, built).
built="apps/kiosk/dist/index.html"
. "$prefix/scripts/deploy-checkout.sh"
missing=""
for cmd in chromium cage espeak-ng curl; do
  command -v "$cmd" >/dev/null 2>&1 || missing="$missing $cmd"
done
if [ -n "$missing" ]; then
  echo "install.sh: note: not installed:$missing (apt-get install chromium cage espeak-ng curl)" >&2
fi

etc="$root/etc/reception"
units="$root/etc/systemd/system"
mkdir -p "$etc" "$units"

# Settings: written once; a later install never overwrites what the IT person changed.
if [ ! -f "$etc/kiosk.env" ]; then
  cat >"$etc/kiosk.env" <<ENV
# Kiosk settings (apps/kiosk/src/host/config.ts explains each). Restart the services after a change:
#   systemctl restart kiosk-host kiosk-browser
KIOSK_BRIDGE_URL=$bridge
KIOSK_HOST_PORT=8090
KIOSK_IDLE_SECONDS=60
KIOSK_ROBOT_SCREEN=$robot_screen
KIOSK_SPEECH=espeak-ng
KIOSK_SPEECH_RATE=150
# Voice: onnx (wake word "Xin chào Robot" / "Hello Robot", offline) or none. KIOSK_MICROPHONE: part of the
# microphone's name to prefer (arecord -l lists them); empty: the default input.
KIOSK_VOICE=onnx
KIOSK_VOICE_END_SILENCE_MS=500
KIOSK_MICROPHONE=
# Recording the site's voice samples for the wake word calibration (packages/voice/README.md): uncomment,
# restart, and the kiosk shows the recording screens instead of serving citizens; comment out when done.
#KIOSK_VOICE_SAMPLES_DIR=/var/lib/reception-kiosk/voice-samples
# A bridge on HTTPS (KIOSK_BRIDGE_URL=https://...) whose certificate this machine does not trust by
# itself (self-signed, or the centre's own CA): a copy of it here, and the screen accepts that key only.
#KIOSK_BRIDGE_CERT=/etc/reception/bridge-cert.pem
LOG_LEVEL=info
ENV
  chmod 0644 "$etc/kiosk.env"
fi
if [ -n "$token_file" ]; then
  install -m 0600 "$token_file" "$etc/kiosk-token"
elif [ ! -f "$etc/kiosk-token" ]; then
  echo "install.sh: no --token-file: writing the demo token; replace $etc/kiosk-token before going live" >&2
  printf 'demo-kiosk\n' >"$etc/kiosk-token"
  chmod 0600 "$etc/kiosk-token"
fi

# Chromium policy: the kiosk page may use the microphone without a prompt nobody is there to answer; no
# other page may (the camera stays refused).
policies="$root/etc/chromium/policies/managed"
mkdir -p "$policies"
cat >"$policies/reception-kiosk.json" <<POLICY
{
  "AudioCaptureAllowed": true,
  "AudioCaptureAllowedUrls": ["http://127.0.0.1:8090", "http://localhost:8090"],
  "VideoCaptureAllowed": false
}
POLICY
chmod 0644 "$policies/reception-kiosk.json"

for unit in kiosk-host.service kiosk-browser.service; do
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@NODE@|$node|g" "$here/$unit" >"$units/$unit"
  chmod 0644 "$units/$unit"
done

if [ "$systemctl" -eq 1 ]; then
  if ! id kiosk >/dev/null 2>&1; then
    useradd --system --create-home --home-dir /var/lib/kiosk --shell /usr/sbin/nologin \
      --groups audio,video,render,input kiosk
  fi
  systemctl daemon-reload
  systemctl enable --now kiosk-host.service kiosk-browser.service
  systemctl set-default graphical.target >/dev/null
  echo "install.sh: kiosk installed: $(systemctl is-active kiosk-host.service) host, $(systemctl is-active kiosk-browser.service) screen"
else
  echo "install.sh: files written under ${root:-/} (no systemctl)"
fi
