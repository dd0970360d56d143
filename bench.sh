#!/usr/bin/env bash
# End-to-end benchmarks against the sandbox and Azurite (not part of ./test.sh).
# Usage: ./bench.sh [send] [messages per phase, default 5000] [concurrent callers, default 16] [open-loop rate, default 1000]
#        ./bench.sh workflows [welcome-sequence instances, default 2000] [steps each, default 3]
#        ./bench.sh inbound [events per phase, default 10000] [concurrent callers, default 32] [open-loop rate, default 3000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
scripts/ensure-emulators.sh
dotnet build WhatsAppHub.sln -c Release -nologo -clp:ErrorsOnly
exec dotnet bench/WhatsAppHub.Benchmarks/bin/Release/net10.0/WhatsAppHub.Benchmarks.dll "$@"
