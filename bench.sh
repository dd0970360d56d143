#!/usr/bin/env bash
# End-to-end benchmark of the queued send path against the sandbox and Azurite (not part of ./test.sh).
# Usage: ./bench.sh [messages per phase, default 5000] [concurrent callers, default 16]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
scripts/ensure-emulators.sh
dotnet build WhatsAppHub.sln -c Release -nologo -clp:ErrorsOnly
exec dotnet bench/WhatsAppHub.Benchmarks/bin/Release/net10.0/WhatsAppHub.Benchmarks.dll "$@"
