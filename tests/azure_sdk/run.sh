#!/usr/bin/env bash
# The official Azure Python SDK against `deid serve --dev` over TLS, and
# against Azurite for a blob-storage job. Needs python3 (venv) and, for the
# blob test, node/npm (DEID_AZURITE=0 skips it). Used by .ci/run; run it by
# hand the same way.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
venv=${DEID_SDK_VENV:-$root/target/azure-sdk/venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check \
  azure-health-deidentification==1.0.0 azure-storage-blob
cargo build --locked -q --bin deid
deid="$root/target/debug/deid"

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

azurite_url=""
# Azurite, in memory, for the blob-storage job; DEID_AZURITE=0 skips it.
if [ "${DEID_AZURITE:-1}" = 1 ]; then
  command -v npm >/dev/null || { echo "npm is needed for Azurite (or set DEID_AZURITE=0)" >&2; exit 2; }
  az="$root/target/azure-sdk/azurite"
  if [ ! -x "$az/node_modules/.bin/azurite-blob" ]; then
    mkdir -p "$az"
    npm install --silent --prefix "$az" azurite >/dev/null
  fi
  aport=$(free_port)
  "$az/node_modules/.bin/azurite-blob" --silent --skipApiVersionCheck --disableTelemetry \
    --inMemoryPersistence --blobHost 127.0.0.1 --blobPort "$aport" >"$work/azurite.log" 2>&1 &
  pids+=($!)
  azurite_url="http://127.0.0.1:$aport"
fi

# A reader token besides the dev Data Owner token, to check 403.
reader="reader-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
cat > "$work/server.toml" <<TOML
[[tokens]]
name = "reader"
role = "DeID Batch Data Reader"
sha256 = "$(printf %s "$reader" | sha256sum | cut -d' ' -f1)"
TOML
port=$(free_port)
args=(serve --dev --listen "127.0.0.1:$port" --server-config "$work/server.toml")
if [ -n "$azurite_url" ]; then args+=(--root "$azurite_url/devstoreaccount1"); fi
(cd "$work" && exec "$deid" "${args[@]}") 2>"$work/server.log" &
pids+=($!)
for _ in $(seq 100); do
  grep -q "listening on" "$work/server.log" 2>/dev/null && break
  sleep 0.1
done
grep -q "listening on" "$work/server.log" || { cat "$work/server.log"; exit 1; }
if [ -n "$azurite_url" ]; then
  for _ in $(seq 100); do
    (echo > "/dev/tcp/127.0.0.1/$aport") 2>/dev/null && break
    sleep 0.1
  done
fi

DEID_ENDPOINT="https://127.0.0.1:$port" \
DEID_CERT="$work/.deid/dev/cert.pem" \
DEID_TOKEN="$(cat "$work/.deid/dev/token")" \
DEID_READER_TOKEN="$reader" \
DEID_WORKDIR="$work" \
DEID_AZURITE_URL="$azurite_url" \
  "$venv/bin/python" tests/azure_sdk/test_sdk.py || { tail -20 "$work/server.log"; exit 1; }
# Nothing the tests sent may reach the log.
if grep -q -e "John Smith" -e "555-123-4567" "$work/server.log"; then
  echo "PHI found in the server log" >&2
  exit 1
fi
