# Sourced by the install scripts in apps/*/deploy: checks that the checkout at $prefix can run as a
# service, and sets $node to the Node.js (24 or later) the units will start. $built: the built files and
# folders the service serves (relative to the checkout, space-separated), each of which must exist.
# The units hide /home and /root from the service (ProtectHome=yes), so the checkout must live elsewhere.
case "$prefix/" in
  /home/* | /root/*)
    echo "install.sh: $prefix is under /home or /root, which the service cannot see: put the checkout in /opt or /srv" >&2
    exit 1 ;;
esac
node="$(command -v node || true)"
if [ -z "$node" ]; then echo "install.sh: node is not on PATH (install Node.js 24)" >&2; exit 1; fi
major="$("$node" -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 24 ]; then echo "install.sh: Node.js $major found, 24 or later needed" >&2; exit 1; fi
for path_ in $built; do
  if [ ! -e "$prefix/$path_" ]; then
    echo "install.sh: $prefix/$path_ is not built: run \`npm ci && npm run build\` first" >&2
    exit 1
  fi
done
if [ ! -x "$prefix/node_modules/.bin/tsx" ]; then
  echo "install.sh: $prefix/node_modules is missing: run \`npm ci\` first" >&2
  exit 1
fi
