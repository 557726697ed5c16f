#!/usr/bin/env bash
# Cold and warm starts of Preprocess, as Filestore writes it, against a naive version (all three SDK clients
# built eagerly with default provider chains) and a bare handler; each in a fresh function JVM with
# Lambda's flags (-XX:+TieredCompilation -XX:TieredStopAtLevel=1), run by the local runtime against its
# local S3 and DynamoDB. The cold figure is from the request to the answer: JVM start, init, first call.
# A fourth row runs Filestore's Preprocess with an AppCDS archive recorded by a training run of
# dev.stratus.filestore.Priming (every API route on canned AWS answers) on the function's own class path.
# usage: bash bench/coldstart/run.sh [RUNS]   (after npm ci && mvn -B package -DskipTests)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/bench/target/coldstart
rm -rf "$work" && mkdir -p "$work/classes"
# Filestore runs from its deployable (shrunk) jar; the naive and bare handlers from the full shaded jar,
# since they call SDK methods Filestore does not.
app=$(ls "$root"/app/target/filestore-*-lambda.jar | head -1)
full=${app%-lambda.jar}.jar
javac -d "$work/classes" -cp "$full" "$root"/bench/coldstart/bench/*.java
cp "$app" "$work/"
cp "$full" "$work/bench.jar"
jar uf "$work/bench.jar" -C "$work/classes" bench
cp "$root/app/target/template.yaml" "$work/template.yaml"
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
# The archive only loads on the class path it was recorded on: the function JVM's, jar first.
classpath="$work/$(basename "$app")$(printf ':%s' "$root"/local/target/lambda-runtime/*.jar)"
java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$work/filestore.jsa" \
  -cp "$classpath" dev.stratus.filestore.Priming > "$work/training.log" 2>&1
cds="PreprocessFunction.JAVA_TOOL_OPTIONS=-XX:SharedArchiveFile=$work/filestore.jsa -Xlog:cds=warning"
port=3190
serve() { # extra serve flags...; starts the local runtime on $port, sets pid, returns once it is ready
  java -Ddynalite.command="$root/node_modules/.bin/dynalite" -jar "$root/local/target/stratus-local.jar" serve \
    --template "$work/template.yaml" --port $port "$@" > "$work/serve.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT # a failed step leaves no serve holding the port
  # ready once it has printed every service's address (the API port listens a little earlier)
  until grep -q '^stratus-local: functions' "$work/serve.log" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.05
  done
}
stats() { # numbers on stdin, one a line -> "min / median / max"
  sort -n | awk '{a[NR]=$1} END {printf "%.3f / %.3f / %.3f", a[1], a[int((NR+1)/2)], a[NR]}'
}
post() { # route -> seconds to the answer
  curl -s -o /dev/null -w '%{time_total}' -X POST -H 'Content-Type: application/json' -d '{"name": "a.txt"}' \
    "http://127.0.0.1:$port/$1"
}
for row in "file" "naive" "bare" "file appcds"; do
  set -- $row
  route=$1
  env=()
  [ "${2:-}" = appcds ] && env=(--env "$cds")
  cold=(); warm=()
  for i in $(seq "$runs"); do
    serve --max-jvms 1 "${env[@]}"
    cold+=("$(post "$route")")
    for j in 1 2 3; do
      warm+=("$(post "$route")")
    done
    kill $pid; wait $pid 2>/dev/null || true
    if grep -q '\[cds\]' "$work/serve.log"; then
      echo "the AppCDS archive was not used:" >&2; grep '\[cds\]' "$work/serve.log" >&2; exit 1
    fi
  done
  echo "| /$route${2:+ ($2)} | cold $(printf '%s\n' "${cold[@]}" | stats) | warm $(printf '%s\n' "${warm[@]}" | stats) |"
done

# What a SnapStart restore resumes into, without the restore itself (not measurable here: no CRaC JVM): in
# fresh JVMs with Lambda's flags, the handler built as init builds it, its CRaC hook run as Lambda runs it
# before the snapshot (or not), then one request against the local stack's S3 and DynamoDB.
serve
endpoint() { sed -n "s#^stratus-local: $1 *\(http://[^ ]*\).*#\1#p" "$work/serve.log" | head -1; }
export AWS_ENDPOINT_URL_S3=$(endpoint S3) AWS_ENDPOINT_URL_DYNAMODB=$(endpoint DynamoDB) AWS_REGION=us-east-1 \
  AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local-secret-key FILES_TABLE_NAME=local-FilesTable \
  STORAGE_BUCKET_NAME=local-storagebucketname
echo
echo "| handler | init | SnapStart hook | first request |"
for row in "dev.stratus.filestore.FilesApi_Lambda::preprocess noprime" "dev.stratus.filestore.FilesApi_Lambda::preprocess prime" \
    "bench.NaiveHandler::handleRequest noprime"; do
  set -- $row
  cp="$work/bench.jar"
  [ "$1" = dev.stratus.filestore.FilesApi_Lambda::preprocess ] && cp="$work/$(basename "$app"):$work/classes"
  results=$(for i in $(seq "$runs"); do
    java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -cp "$cp" bench.FirstRequest "$1" "$2" 2>/dev/null
  done)
  [ "$(echo "$results" | wc -l)" = "$runs" ] || { echo "FirstRequest failed for $1" >&2; exit 1; }
  column() { echo "$results" | awk -v c="$1" '{print $c}' | stats; }
  echo "| ${1##*.} ($2) | $(column 1) | $(column 2) | $(column 3) |"
done
kill $pid; wait $pid 2>/dev/null || true
