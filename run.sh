#!/usr/bin/env bash
# Runs the hub locally on its embedded defaults: Azurite (tables, queues), s3rver (S3), the EUM/SNS sandbox
# and the hub, all on loopback. Ctrl-C stops everything. Ports can be moved with the variables below.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

HUB_PORT="${HUB_PORT:-7071}"
SANDBOX_PORT="${SANDBOX_PORT:-7072}"
AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
AZURITE_QUEUE_PORT="${AZURITE_QUEUE_PORT:-10001}"
AZURITE_TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
S3_PORT="${S3_PORT:-4568}"
MEDIA_BUCKET="${MEDIA_BUCKET:-whatsapphub-media}"
STATE_DIR="${STATE_DIR:-$root/.run}"   # Azurite and S3 data survive restarts here; delete it to start afresh
API_KEY="local-dev-key"
CONFIGURATION="${CONFIGURATION:-Release}"
bin="$CONFIGURATION/net10.0"

mkdir -p "$STATE_DIR/azurite" "$STATE_DIR/s3" "$STATE_DIR/logs"
scripts/ensure-emulators.sh
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  echo "Building..."
  dotnet build WhatsAppHub.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly >/dev/null
fi

pids=()
declare -A pid_of
stop() {
  trap - EXIT INT TERM
  echo; echo "Stopping..."
  # Newest first: the hub finishes its in-flight storage calls while Azurite and s3rver are still up.
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  echo "Stopped."
}
trap stop EXIT
trap 'exit 130' INT TERM

start() { # name, command...
  local name="$1"; shift
  "$@" >"$STATE_DIR/logs/$name.log" 2>&1 &
  pids+=("$!")
  pid_of[$name]=$!
}

wait_for() { # name, url-or-port, seconds
  local name="$1" target="$2" deadline=$((SECONDS + $3))
  until { [[ "$target" == http* ]] && curl -fsS -o /dev/null "$target" 2>/dev/null; } ||
        { [[ "$target" != http* ]] && (exec 3<>"/dev/tcp/127.0.0.1/$target") 2>/dev/null; }; do
    if (( SECONDS > deadline )) || ! kill -0 "${pid_of[$name]}" 2>/dev/null; then
      echo "$name did not come up; its log ($STATE_DIR/logs/$name.log) ends with:" >&2
      tail -n 20 "$STATE_DIR/logs/$name.log" >&2
      exit 1
    fi
    sleep 0.3
  done
}

emulators="$root/emulators/node_modules/.bin"
start azurite "$emulators/azurite" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort "$AZURITE_BLOB_PORT" --queuePort "$AZURITE_QUEUE_PORT" --tablePort "$AZURITE_TABLE_PORT" \
  --location "$STATE_DIR/azurite" --skipApiVersionCheck --loose --disableTelemetry
start s3rver "$emulators/s3rver" -d "$STATE_DIR/s3" -a 127.0.0.1 -p "$S3_PORT"
wait_for azurite "$AZURITE_TABLE_PORT" 60
wait_for azurite "$AZURITE_QUEUE_PORT" 60
wait_for s3rver "$S3_PORT" 60
# The media bucket is infrastructure (on AWS it is created with its policy, encryption and lifecycle, not by the
# hub), so here the script makes it too. s3rver takes unsigned requests and answers 409 when it already exists.
curl -sS -o /dev/null -X PUT "http://127.0.0.1:$S3_PORT/$MEDIA_BUCKET"

start sandbox env Sandbox__HubEventsUrl="http://127.0.0.1:$HUB_PORT/api/eum/events" Sandbox__S3ServiceUrl="http://127.0.0.1:$S3_PORT" \
  dotnet "$root/src/WhatsAppHub.Sandbox/bin/$bin/WhatsAppHub.Sandbox.dll" --urls "http://127.0.0.1:$SANDBOX_PORT"
wait_for sandbox "http://127.0.0.1:$SANDBOX_PORT/sandbox/health" 60

well_known_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
start hub env ASPNETCORE_ENVIRONMENT=Development \
  AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$well_known_key;BlobEndpoint=http://127.0.0.1:$AZURITE_BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$AZURITE_QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$AZURITE_TABLE_PORT/devstoreaccount1" \
  Eum__ServiceUrl="http://127.0.0.1:$SANDBOX_PORT" Sns__TrustedTestCertificateHost="127.0.0.1:$SANDBOX_PORT" \
  Media__S3ServiceUrl="http://127.0.0.1:$S3_PORT" Media__Bucket="$MEDIA_BUCKET" \
  dotnet "$root/src/WhatsAppHub.Functions/bin/$bin/WhatsAppHub.Functions.dll" \
  --urls "http://127.0.0.1:$HUB_PORT" --contentRoot "$root/src/WhatsAppHub.Functions/bin/$bin"
wait_for hub "http://127.0.0.1:$HUB_PORT/api/health" 90

cat <<BANNER

WhatsAppHub is running.
  Hub       http://127.0.0.1:$HUB_PORT/api     function key: $API_KEY
  Sandbox   http://127.0.0.1:$SANDBOX_PORT          plays EUM and SNS; GET /sandbox/messages shows what it received
  Azurite   tables :$AZURITE_TABLE_PORT, queues :$AZURITE_QUEUE_PORT, blobs :$AZURITE_BLOB_PORT
  S3        http://127.0.0.1:$S3_PORT          s3rver, keys S3RVER / S3RVER, media bucket $MEDIA_BUCKET
  Logs      $STATE_DIR/logs/

Send a message (a template: the demo contact has never written, so only a template may open the conversation):
  curl -sS -X POST 'http://127.0.0.1:$HUB_PORT/api/messages?wait=true' -H 'x-functions-key: $API_KEY' -H 'content-type: application/json' -d '{"to":"+15555550100","type":"template","template":{"name":"hello_world","language":{"code":"en_US"}}}'

Press Ctrl-C to stop everything.
BANNER

# Exit (and stop the rest) as soon as any part dies.
wait -n "${pids[@]}"
echo "A process stopped unexpectedly; see $STATE_DIR/logs/." >&2
exit 1
