#!/usr/bin/env bash
# Installs the pinned npm emulators (Azurite, s3rver) and the official AWS JS client (a test oracle)
# from emulators/package-lock.json, unless the installed copy already matches the lock file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/emulators"
stamp="$dir/node_modules/.whatsapphub-lock"
if [[ -x "$dir/node_modules/.bin/azurite" && -f "$stamp" ]] && cmp -s "$dir/package-lock.json" "$stamp"; then
  exit 0
fi
command -v node >/dev/null || { echo "Node.js is required (for Azurite and s3rver): install Node 20 or newer." >&2; exit 1; }
echo "Installing the pinned emulators (npm ci in emulators/)..." >&2
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
cp "$dir/package-lock.json" "$stamp"
