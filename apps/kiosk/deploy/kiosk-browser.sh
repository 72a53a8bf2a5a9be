#!/bin/sh
# Starts Chromium in --kiosk mode on the kiosk host's page, once the host answers. Used by
# kiosk-browser.service (inside cage) and by test/kiosk-chromium-kiosk.test.ts (headless, with
# KIOSK_BROWSER_EXTRA_FLAGS). Settings (from /etc/reception/kiosk.env or the environment):
#   KIOSK_HOST_PORT            where the kiosk host listens on 127.0.0.1 (default 8090)
#   KIOSK_BROWSER              the Chromium executable (default /usr/bin/chromium)
#   KIOSK_BROWSER_PROFILE      Chromium's profile folder (default $HOME/.config/reception-kiosk)
#   KIOSK_BROWSER_EXTRA_FLAGS  more flags, split on spaces
#   KIOSK_BRIDGE_CERT          the bridge's certificate (PEM), when the bridge serves HTTPS with one this
#                              machine does not trust by itself (self-signed, or the centre's own CA):
#                              Chromium then accepts that one key, and only it, despite the chain
set -eu
port="${KIOSK_HOST_PORT:-8090}"
url="http://127.0.0.1:${port}/kiosk/"
browser="${KIOSK_BROWSER:-/usr/bin/chromium}"
profile="${KIOSK_BROWSER_PROFILE:-${HOME:-/tmp}/.config/reception-kiosk}"
mkdir -p "$profile"

# Wait up to a minute for the host, so the first thing a citizen sees is the kiosk, not an error page.
i=0
while [ "$i" -lt 120 ]; do
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null "http://127.0.0.1:${port}/healthz" && break
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O /dev/null "http://127.0.0.1:${port}/healthz" && break
  else
    break
  fi
  i=$((i + 1))
  sleep 0.5
done

# Pin the bridge's key (Chromium honours the list only with --user-data-dir, which is always given here).
pin=""
if [ -n "${KIOSK_BRIDGE_CERT:-}" ]; then
  if ! openssl x509 -in "$KIOSK_BRIDGE_CERT" -noout 2>/dev/null; then
    echo "kiosk-browser.sh: KIOSK_BRIDGE_CERT $KIOSK_BRIDGE_CERT is not a readable PEM certificate" >&2
    exit 1
  fi
  spki="$(openssl x509 -in "$KIOSK_BRIDGE_CERT" -pubkey -noout | openssl pkey -pubin -outform der |
    openssl dgst -sha256 -binary | base64)"
  pin="--ignore-certificate-errors-spki-list=$spki"
fi

# A crash must not leave "Restore pages?" on screen for the next citizen.
prefs="$profile/Default/Preferences"
if [ -f "$prefs" ]; then
  sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[^"]*"/"exit_type":"Normal"/' "$prefs"
fi

# shellcheck disable=SC2086 # extra flags are meant to split
exec "$browser" \
  --kiosk \
  --user-data-dir="$profile" \
  --no-first-run \
  --noerrdialogs \
  --disable-infobars \
  --disable-session-crashed-bubble \
  --disable-translate \
  --disable-features=Translate,TouchpadOverscrollHistoryNavigation \
  --overscroll-history-navigation=0 \
  --disable-pinch \
  --disable-background-networking \
  --disable-component-update \
  --disable-sync \
  --check-for-update-interval=31536000 \
  --autoplay-policy=no-user-gesture-required \
  --password-store=basic \
  ${pin} \
  ${KIOSK_BROWSER_EXTRA_FLAGS:-} \
  "$url"
