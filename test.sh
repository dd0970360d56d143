#!/usr/bin/env bash
# Builds everything (warnings are errors) and runs every test. Integration tests start their own
# Azurite, s3rver and sandbox on free loopback ports. Ends with: tests: N passed, N failed, N skipped
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
results="$root/.test-results"
rm -rf "$results"

summary() { echo "tests: $1 passed, $2 failed, $3 skipped"; }

if ! scripts/ensure-emulators.sh; then
  echo "Could not install the emulators." >&2; summary 0 1 0; exit 1
fi
if ! dotnet build WhatsAppHub.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "The build failed." >&2; summary 0 1 0; exit 1
fi

dotnet test WhatsAppHub.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?

# Sum the counters of every test assembly's TRX report.
passed=0; failed=0; skipped=0; reports=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  reports=$((reports + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
expected=$(find tests -name '*.Tests.csproj' | wc -l)
if (( reports < expected )); then
  echo "Only $reports of $expected test assemblies reported; counting each missing one as a failure." >&2
  failed=$((failed + expected - reports))
fi
if (( status != 0 && failed == 0 )); then failed=1; fi
summary "$passed" "$failed" "$skipped"
(( failed == 0 ))
