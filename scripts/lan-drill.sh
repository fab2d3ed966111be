#!/usr/bin/env bash
# The training bank on a real network, by hand (root; Linux): a network namespace "phone"
# joined to this computer by a veth pair (10.213.7.1 here, 10.213.7.2 in the phone) stands
# for a phone on the shop's Wi-Fi. `kassa sandbox --lan` must pick 10.213.7.1, the phone
# must open the bank page a code carries and approve, and every test/admin endpoint must
# refuse it (403) while this computer still reaches them. Nothing leaves this machine: the
# drill stops unless the sandbox serves the veth address. Cleans up after itself.
#   bash scripts/lan-drill.sh [path/to/kassa]      (default: target/debug/kassa)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
KASSA=${1:-target/debug/kassa}
NS=kassa-phone HOST_IF=kassa-lan0 NS_IF=kassa-phone0
HOST_IP=10.213.7.1 PHONE_IP=10.213.7.2 PORT=4010
LOG=$(mktemp)
PID=""
cleanup() {
  if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  ip link del "$HOST_IF" 2>/dev/null || true
  ip netns del "$NS" 2>/dev/null || true
  rm -f "$LOG"
}
trap cleanup EXIT
[[ $(id -u) == 0 ]] || { echo "needs root (network namespaces)" >&2; exit 2; }
[[ -x "$KASSA" ]] || { echo "no $KASSA: cargo build -p kassa-cli first" >&2; exit 2; }

ip netns add "$NS"
ip link add "$HOST_IF" type veth peer name "$NS_IF"
ip link set "$NS_IF" netns "$NS"
ip addr add "$HOST_IP/24" dev "$HOST_IF"
ip link set "$HOST_IF" up
ip -n "$NS" addr add "$PHONE_IP/24" dev "$NS_IF"
ip -n "$NS" link set "$NS_IF" up
ip -n "$NS" link set lo up

NO_COLOR=1 KASSA_LANG=en KASSA_LOG=info "$KASSA" sandbox --lan --port "$PORT" >"$LOG" 2>&1 &
PID=$!
for _ in $(seq 100); do grep -q "sandbox ready" "$LOG" && break; sleep 0.1; done
# `kassa sandbox` says where phones open it (cli-sandbox-phones, in English here).
grep -q "phones on this network: http://$HOST_IP:$PORT" "$LOG" || {
  echo "the sandbox does not serve $HOST_IP (this computer has another private address?):" >&2
  cat "$LOG" >&2
  exit 1
}
echo "kassa sandbox --lan serves http://$HOST_IP:$PORT"
phone() { ip netns exec "$NS" curl -s -o /dev/null -w '%{http_code}' "$@"; }
here() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
expect() { # what, wanted, got
  if [[ "$2" == "$3" ]]; then echo "ok   $1: $3"; else echo "FAIL $1: $3, wanted $2" >&2; exit 1; fi
}

# The counter (this computer) creates a payment; its link carries the network address.
reply=$(curl -s -u sandbox-client:sandbox-secret -H 'content-type: application/json' \
  -d '{"destinationId":"sandbox-destination","amount":12.5,"currency":"DKK","schemeId":"DanishDomesticCreditTransfer","reference":"DRILL1","redirectUrl":"http://127.0.0.1:'"$PORT"'/sandbox/done"}' \
  "http://127.0.0.1:$PORT/v2/payments/accept")
link=$(sed -n 's/.*"authorizationUrl":"\([^"]*\)".*/\1/p' <<<"$reply")
id=$(sed -n 's/.*"paymentId":"\([^"]*\)".*/\1/p' <<<"$reply")
expect "the code's link" "http://$HOST_IP:$PORT/sandbox/authorize/$id" "$link"

expect "phone opens the bank page" 200 "$(phone "$link")"
for path in /sandbox/payments /sandbox/admin/faults /sandbox/admin/webhook; do
  expect "phone GET $path" 403 "$(phone "http://$HOST_IP:$PORT$path")"
done
expect "phone PUT /sandbox/admin/faults" 403 \
  "$(phone -X PUT -d '{}' "http://$HOST_IP:$PORT/sandbox/admin/faults")"
expect "phone POST …/fail" 403 "$(phone -X POST "http://$HOST_IP:$PORT/sandbox/payments/$id/fail")"
approved=$(ip netns exec "$NS" curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -X POST \
  -H 'accept: text/html' "http://$HOST_IP:$PORT/sandbox/payments/$id/approve")
expect "phone approves, on to Payment done on the network address" \
  "303 http://$HOST_IP:$PORT/sandbox/done?paymentId=$id" "$approved"
expect "phone sees Payment done" 200 "$(phone "http://$HOST_IP:$PORT/sandbox/done?paymentId=$id")"
expect "this computer GET /sandbox/payments" 200 "$(here "http://127.0.0.1:$PORT/sandbox/payments")"
expect "this computer GET /sandbox/admin/faults" 200 "$(here "http://127.0.0.1:$PORT/sandbox/admin/faults")"
echo "lan drill: all passed"
