#!/usr/bin/env bash
# Cold and warm starts of one GET route (path and query parameter in, a record out as JSON) with three kinds
# of glue, each jar holding only what its handler needs: Stratus's generated handler of a typed method
# (stratus-runtime), Filestore's hand-written stream handler on jackson-jr, and the naive
# RequestHandler<APIGatewayProxyRequestEvent, …> with Jackson's ObjectMapper. Each function in a fresh JVM
# with Lambda's flags, run by the local runtime; cold is from the request to the answer (JVM start, init,
# first call). Also the jar sizes.
# usage: bash bench/glue/run.sh [RUNS]   (after npm ci && mvn -B package -DskipTests)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/bench/target/glue
rm -rf "$work" && mkdir -p "$work"
m2=$HOME/.m2/repository
v=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
core=$m2/com/amazonaws/aws-lambda-java-core/1.4.0/aws-lambda-java-core-1.4.0.jar
events=$m2/com/amazonaws/aws-lambda-java-events/3.16.1/aws-lambda-java-events-3.16.1.jar
jackson=$(sed -n 's:.*<jackson.version>\(.*\)</jackson.version>.*:\1:p' "$root/pom.xml")
annotations_version=$(sed -n 's:.*<jackson-annotations.version>\(.*\)</jackson-annotations.version>.*:\1:p' "$root/pom.xml")
javapoet_version=$(sed -n 's:.*<javapoet.version>\(.*\)</javapoet.version>.*:\1:p' "$root/pom.xml")
javapoet=$m2/com/palantir/javapoet/javapoet/$javapoet_version/javapoet-$javapoet_version.jar
jr=$m2/com/fasterxml/jackson/jr/jackson-jr-objects/$jackson/jackson-jr-objects-$jackson.jar
jcore=$m2/com/fasterxml/jackson/core/jackson-core/$jackson/jackson-core-$jackson.jar
databind=$m2/com/fasterxml/jackson/core/jackson-databind/$jackson/jackson-databind-$jackson.jar
jannotations=$m2/com/fasterxml/jackson/core/jackson-annotations/$annotations_version/jackson-annotations-$annotations_version.jar
joda=$m2/joda-time/joda-time/2.10.8/joda-time-2.10.8.jar
runtime=$root/runtime/target/stratus-runtime-$v.jar
crac=$m2/org/crac/crac/1.5.0/crac-1.5.0.jar
processor=$root/processor/target/stratus-processor-$v.jar:$root/template-gen/target/stratus-template-gen-$v.jar:$m2/org/yaml/snakeyaml/2.5/snakeyaml-2.5.jar:$javapoet:$root/annotations/target/stratus-annotations-$v.jar:$runtime
src=$root/bench/glue/src/bench/glue
# Filestore no longer ships jackson-jr, and a fresh machine may lack what the other kinds of glue use.
for artifact in com.fasterxml.jackson.jr:jackson-jr-objects:$jackson com.fasterxml.jackson.core:jackson-databind:$jackson \
    joda-time:joda-time:2.10.8 com.amazonaws:aws-lambda-java-events:3.16.1; do
  IFS=: read -r g a ver <<< "$artifact"
  [ -f "$m2/${g//.//}/$a/$ver/$a-$ver.jar" ] || mvn -B -q dependency:get -Dartifact="$artifact" > /dev/null
done

# One jar per kind of glue, as its own project would ship it: its classes and its dependencies unpacked.
pack() { # name, sources..., then -- and the jars it ships with
  local name=$1; shift
  local sources=() libs=()
  while [ "$1" != -- ]; do sources+=("$1"); shift; done; shift
  libs=("$@")
  mkdir -p "$work/$name/classes"
  local cp; cp=$(IFS=:; echo "${libs[*]}:$root/annotations/target/stratus-annotations-$v.jar")
  javac -d "$work/$name/classes" -cp "$cp" -processorpath "$processor" -Astratus.today=2026-12-03 \
    "${sources[@]}" 2> "$work/$name/javac.log" || { cat "$work/$name/javac.log" >&2; exit 1; }
  rm -rf "$work/$name/classes/META-INF"
  for lib in "${libs[@]}"; do (cd "$work/$name/classes" && jar xf "$lib"); done
  rm -rf "$work/$name/classes/META-INF/"*.SF "$work/$name/classes/META-INF/"*.RSA
  (cd "$work/$name/classes" && jar cf "$work/$name.jar" .)
}
pack typed "$src/Typed.java" "$src/Book.java" -- "$core" "$runtime" "$crac"
pack jr "$src/JacksonJrHandler.java" "$src/Book.java" -- "$core" "$events" "$joda" "$jr" "$jcore"
pack naive "$src/NaiveHandler.java" "$src/Book.java" -- "$core" "$events" "$joda" "$databind" "$jcore" "$jannotations"

cat > "$work/template.yaml" <<YAML
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function: {Runtime: java21, MemorySize: 512, Timeout: 30}
Resources:
  TypedFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: bench.glue.Typed_Lambda::get
      CodeUri: typed.jar
      Events: {Get: {Type: Api, Properties: {Path: '/typed/{id}', Method: get}}}
  JacksonJrFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: bench.glue.JacksonJrHandler::handleRequest
      CodeUri: jr.jar
      Events: {Get: {Type: Api, Properties: {Path: '/jr/{id}', Method: get}}}
  NaiveFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: bench.glue.NaiveHandler::handleRequest
      CodeUri: naive.jar
      Events: {Get: {Type: Api, Properties: {Path: '/naive/{id}', Method: get}}}
YAML

port=3191
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true' EXIT
serve() {
  java -Ddynalite.command="$root/node_modules/.bin/dynalite" -jar "$root/local/target/stratus-local.jar" serve \
    --template "$work/template.yaml" --port $port --max-jvms 1 > "$work/serve.log" 2>&1 &
  pid=$!
  until grep -q '^stratus-local: functions' "$work/serve.log" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.05
  done
}
stats() { sort -n | awk '{a[NR]=$1} END {printf "%.3f / %.3f / %.3f", a[1], a[int((NR+1)/2)], a[NR]}'; }
get() { curl -s -o "$work/answer" -w '%{time_total}' "http://127.0.0.1:$port/$1/42?format=hardback"; }

echo "| glue | jar | cold (s) | warm (s) |"
echo "|---|---|---|---|"
for route in typed jr naive; do
  cold=(); warm=()
  for i in $(seq "$runs"); do
    serve
    cold+=("$(get "$route")")
    grep -q '"title":"Dune (hardback)"' "$work/answer" || { echo "/$route answered: $(cat "$work/answer")" >&2; exit 1; }
    for j in 1 2 3; do
      warm+=("$(get "$route")")
    done
    kill $pid; wait $pid 2>/dev/null || true
  done
  size=$(stat -c %s "$work/$route.jar")
  echo "| /$route | $((size / 1024)) KB | $(printf '%s\n' "${cold[@]}" | stats) | $(printf '%s\n' "${warm[@]}" | stats) |"
done
