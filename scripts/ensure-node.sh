# Sourced by scripts/run.sh and .ci/run. WB Assist needs Node >= 22.19 (Node 24 LTS is the
# target); many machines, including ours, ship Node 20. When the node on PATH is too old we
# install Node 24 from the npm registry (package node-linux-<arch>, which carries the official
# binary) into a cache folder and put it first on PATH. Nothing else is downloaded.

wb_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 19) ? 0 : 1)'
}

if ! wb_node_ok; then
  wb_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  case "$(uname -m)" in
    x86_64 | amd64) wb_arch=x64 ;;
    aarch64 | arm64) wb_arch=arm64 ;;
    *) echo "WB Assist needs Node >= 22.19; install it for $(uname -m) yourself (see .nvmrc)." >&2; return 1 ;;
  esac
  wb_node_dir="${WB_NODE_CACHE:-$wb_root/.cache/node}"
  wb_node_bin="$wb_node_dir/node_modules/node-linux-$wb_arch/bin"
  if [ ! -x "$wb_node_bin/node" ]; then
    echo "Node $(node -v 2>/dev/null || echo '(none)') is older than 22.19: installing Node 24 (npm package node-linux-$wb_arch@24) into $wb_node_dir" >&2
    mkdir -p "$wb_node_dir"
    npm install --prefix "$wb_node_dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-$wb_arch@24" >&2 || {
      echo "Could not install Node 24 from the npm registry; install Node >= 22.19 and retry." >&2
      return 1
    }
  fi
  export PATH="$wb_node_bin:$PATH"
  unset wb_root wb_arch wb_node_dir wb_node_bin
fi
unset -f wb_node_ok
