#!/usr/bin/env bash
# The local runtime with a user's project: serve's start-up, then SendMessage → the SQS worker's first log line,
# first (a fresh worker JVM) and warm. Needs the it module's local-run project built (mvn -B verify does).
# usage: bench/local_sqs.sh [warm calls, default 10]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
project="$root/it/target/it/local-run"
jar="$root/local/target/stratus-local.jar"
calls=${1:-10}
[ -f "$project/target/template.yaml" ] || { echo "build it first: mvn -B verify -pl it -Dinvoker.test=local-run" >&2; exit 1; }
log=$(mktemp)
now() { date +%s.%N; }
start=$(now)
(cd "$project" && exec java -jar "$jar" serve --template target/template.yaml --port 0 > "$log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
until grep -q '^stratus-local: functions' "$log"; do kill -0 $pid; sleep 0.01; done
ready=$(now)
sqs=$(sed -n 's#^stratus-local: SQS *\(http://[^ ]*\).*#\1#p' "$log")
send() { # body -> seconds until the worker logs it
  local t0; t0=$(now)
  curl -s -o /dev/null "$sqs/000000000000/local-Orders?Action=SendMessage&MessageBody=$1"
  until grep -q "WORKER $1\$" "$log"; do sleep 0.005; done
  echo "$(now) - $t0" | bc
}
first=$(send bench-0)
warm=$(for i in $(seq "$calls"); do send "bench-$i"; done | sort -n | awk '{a[NR]=$1} END {printf "%.3f / %.3f / %.3f", a[1], a[int((NR+1)/2)], a[NR]}')
printf '| serve start-up | %.2f s |\n| SQS message → worker, first (cold JVM) | %.3f s |\n| SQS message → worker, warm (min / median / max of %d) | %s s |\n' \
  "$(echo "$ready - $start" | bc)" "$first" "$calls" "$warm"
