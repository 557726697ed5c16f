#!/usr/bin/env bash
# Cold and warm starts of Preprocess, as Filestore writes it, against a naive version (all three SDK clients
# built eagerly with default provider chains) and a bare handler; each in a fresh function JVM with
# Lambda's flags (-XX:+TieredCompilation -XX:TieredStopAtLevel=1), run by the local runtime against its
# local S3 and DynamoDB. The cold figure is from the request to the answer: JVM start, init, first call.
# usage: bash bench/coldstart/run.sh [RUNS]   (after npm ci && mvn -B package -DskipTests)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/bench/target/coldstart
rm -rf "$work" && mkdir -p "$work/classes"
app=$(ls "$root"/app/target/filestore-*.jar | grep -v original | head -1)
javac -d "$work/classes" -cp "$app" "$root"/bench/coldstart/bench/*.java
cp "$app" "$work/bench.jar"
jar uf "$work/bench.jar" -C "$work/classes" bench
sed -e 's#CodeUri: filestore-[^ ]*\.jar#CodeUri: bench.jar#' "$root/app/target/template.yaml" > "$work/template.yaml"
python3 - "$work/template.yaml" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
extra = """  NaiveFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: bench.NaiveHandler::handleRequest
      Runtime: java21
      CodeUri: bench.jar
      Events:
        Post: {Type: Api, Properties: {Path: /naive, Method: post, RestApiId: !Ref FilestoreApi}}
  BareFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: bench.BareHandler::handleRequest
      Runtime: java21
      CodeUri: bench.jar
      Events:
        Post: {Type: Api, Properties: {Path: /bare, Method: post, RestApiId: !Ref FilestoreApi}}
"""
text = text.replace("Outputs:\n", extra + "Outputs:\n", 1)
open(path, "w").write(text)
PY
port=3190
for route in file naive bare; do
  cold=(); warm=()
  for i in $(seq "$runs"); do
    java -Ddynalite.command="$root/node_modules/.bin/dynalite" -jar "$root/local/target/stratus-local.jar" serve \
      --template "$work/template.yaml" --port $port --max-jvms 1 > "$work/serve.log" 2>&1 &
    pid=$!
    until curl -s -o /dev/null "http://127.0.0.1:$port/ready"; do sleep 0.05; done
    cold+=("$(curl -s -o /dev/null -w '%{time_total}' -X POST -H 'Content-Type: application/json' \
      -d '{"name": "a.txt"}' "http://127.0.0.1:$port/$route")")
    for j in 1 2 3; do
      warm+=("$(curl -s -o /dev/null -w '%{time_total}' -X POST -H 'Content-Type: application/json' \
        -d '{"name": "a.txt"}' "http://127.0.0.1:$port/$route")")
    done
    kill $pid; wait $pid 2>/dev/null || true
  done
  printf '%s\n' "${cold[@]}" | sort -n | awk -v r="$route" '{a[NR]=$1} END {printf "| /%s | cold %.3f / %.3f / %.3f", r, a[1], a[int((NR+1)/2)], a[NR]}'
  printf '%s\n' "${warm[@]}" | sort -n | awk '{a[NR]=$1} END {printf " | warm %.3f / %.3f / %.3f |\n", a[1], a[int((NR+1)/2)], a[NR]}'
done
