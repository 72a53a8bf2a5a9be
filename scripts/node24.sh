# Source this file (`. scripts/node24.sh`) to put Node 24 LTS first on PATH when the machine's Node is older.
# The official binary with its headers comes from the npm registry (package node-linux-<arch>@24), so native
# modules (better-sqlite3, serialport) build against it offline; it is kept in ~/.cache/reception/.
_reception_node_major() { command -v node >/dev/null && node -p 'process.versions.node.split(".")[0]' || echo 0; }
if [ "$(_reception_node_major)" -lt 24 ]; then
  case "$(uname -m)" in
    x86_64) _reception_arch=x64 ;;
    aarch64 | arm64) _reception_arch=arm64 ;;
    *) echo "node24: no Node 24 package for $(uname -m); install Node 24 LTS yourself" >&2 && return 1 ;;
  esac
  _reception_dir="${NODE24_DIR:-$HOME/.cache/reception/node-24-linux-$_reception_arch}"
  if [ ! -x "$_reception_dir/bin/node" ]; then
    echo "node24: fetching node-linux-$_reception_arch@24 from the npm registry into $_reception_dir" >&2
    _reception_tmp=$(mktemp -d)
    (cd "$_reception_tmp" && npm pack "node-linux-$_reception_arch@24" --silent >/dev/null && tar xzf node-linux-*.tgz) &&
      mkdir -p "$_reception_dir" && cp -a "$_reception_tmp/package/." "$_reception_dir/"
    rm -rf "$_reception_tmp"
  fi
  export PATH="$_reception_dir/bin:$PATH"
  export npm_config_nodedir="$_reception_dir"
fi
node -v >&2
