#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root), builds swfpp and runs its demo: cancelling a
# workflow execution gracefully through the library while its activity runs, against a local SWF
# endpoint (moto's server, started by tools/moto_swf_server.py with signature checks on), no AWS
# account needed.
# The endpoint is stopped when the demo ends. moto comes with python3 on our machines (pip
# cannot add it here); without it the script says so and runs the in-memory demo instead.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
reconfigure=(); [ -d build-demo/meson-private ] && reconfigure=(--reconfigure)
meson setup build-demo "${reconfigure[@]}" -Dtests=disabled -Dexamples=enabled >/dev/null
meson compile -C build-demo examples/cancellation_demo examples/local_swf_demo >/dev/null

if ! python3 -c 'import moto.moto_server.threaded_moto_server, boto3' 2>/dev/null; then
  echo "run-demo: moto's server is not installed for $(command -v python3 || echo python3), so there is no" >&2
  echo "run-demo: local SWF endpoint to talk to (it needs: pip install 'moto[server]')." >&2
  echo "run-demo: running the smaller in-memory demo instead (examples/local_swf_demo.cpp: one" >&2
  echo "run-demo: RequestCancelWorkflowExecution call, its typed errors; no activity)." >&2
  echo >&2
  exec ./build-demo/examples/local_swf_demo
fi

work=$(mktemp -d)
launcher=
cleanup() {
  if [ -n "$launcher" ]; then kill "$launcher" 2>/dev/null || true; wait "$launcher" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
python3 tools/moto_swf_server.py --credentials-file "$work/credentials.env" >"$work/endpoint" &
launcher=$!
for _ in $(seq 1200); do  # up to 2 minutes for moto to import and answer
  [ -s "$work/endpoint" ] && break
  kill -0 "$launcher" 2>/dev/null || { echo "run-demo: the local SWF endpoint failed to start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/endpoint" ] || { echo "run-demo: the local SWF endpoint did not start in time" >&2; exit 1; }

# The demo reads the keys the launcher created as the AWS CLI would: from the environment.
(
  set -a
  # shellcheck disable=SC1091
  . "$work/credentials.env"
  set +a
  unset AWS_SESSION_TOKEN AWS_PROFILE
  export AWS_ENDPOINT_URL_SWF="$SWFPP_ENDPOINT" AWS_REGION=us-east-1
  ./build-demo/examples/cancellation_demo
)
