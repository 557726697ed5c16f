#!/usr/bin/env bash
# The local runtime's event sources, from a user's project (it/src/it/event-sources): a write to a streamed
# table → its stream's function, a Kinesis put → the stream's function, PutEvents → the matching rule's
# function; each first (a fresh function JVM) and warm. Calls go straight to the local services with curl's
# SigV4 (the local keys), as any client's would. Needs the it module's event-sources project built (mvn -B verify does).
# usage: bench/local_events.sh [warm calls, default 10]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
project="$root/it/target/it/event-sources"
jar="$root/local/target/stratus-local.jar"
calls=${1:-10}
[ -f "$project/target/template.yaml" ] || { echo "build it first: mvn -B verify -pl it -Dinvoker.test=event-sources" >&2; exit 1; }
log=$(mktemp)
now() { date +%s.%N; }
(cd "$project" && exec java -jar "$jar" serve --template target/template.yaml --port 0 > "$log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
until grep -q '^stratus-local: functions' "$log"; do kill -0 $pid; sleep 0.01; done
endpoint() { sed -n "s#^stratus-local: $1 *\(http://[^ ]*\).*#\1#p" "$log"; }
dynamodb=$(endpoint DynamoDB); kinesis=$(endpoint Kinesis); events=$(endpoint EventBridge)
aws_json() { # endpoint service version target body
  curl -s -o /dev/null --fail --aws-sigv4 "aws:amz:us-east-1:$2" --user local:local-secret-key \
    -H "Content-Type: application/x-amz-json-$3" -H "X-Amz-Target: $4" -d "$5" "$1"
}
put_item() { aws_json "$dynamodb" dynamodb 1.0 DynamoDB_20120810.PutItem \
  "{\"TableName\":\"local-OrdersTable\",\"Item\":{\"id\":{\"S\":\"$1\"},\"total\":{\"N\":\"150\"}}}"; }
put_record() { aws_json "$kinesis" kinesis 1.1 Kinesis_20131202.PutRecord \
  "{\"StreamName\":\"local-Clicks\",\"PartitionKey\":\"$1\",\"Data\":\"$(printf '{"page": "%s"}' "$1" | base64 -w0)\"}"; }
put_event() { aws_json "$events" events 1.1 AWSEvents.PutEvents \
  "{\"Entries\":[{\"EventBusName\":\"shop\",\"Source\":\"shop\",\"DetailType\":\"OrderPlaced\",\"Detail\":\"{\\\"id\\\":\\\"$1\\\",\\\"total\\\":150}\"}]}"; }
timed() { # send-function expected-log-line id -> seconds until the function logs it
  local t0; t0=$(now)
  "$1" "$3"
  until grep -qF "$2" "$log"; do sleep 0.005; done
  echo "$(now) - $t0" | bc
}
row() { # label send-function log-prefix
  local first warm
  first=$(timed "$2" "$3$1-0" "$1-0")
  warm=$(for i in $(seq "$calls"); do timed "$2" "$3$1-$i" "$1-$i"; done | sort -n \
    | awk '{a[NR]=$1} END {printf "%.3f / %.3f / %.3f", a[1], a[int((NR+1)/2)], a[NR]}')
  printf '| %s, first (cold JVM) | %.3f s |\n| %s, warm (min / median / max of %d) | %s s |\n' "$4" "$first" "$4" "$calls" "$warm"
}
row stream put_item "CHANGE INSERT " "PutItem on a streamed table → its stream's function"
row click put_record "CLICK " "Kinesis PutRecord → the stream's function"
row order put_event "BIG " "PutEvents → the matching rule's function"
