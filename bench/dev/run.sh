#!/usr/bin/env bash
# Edit-to-served: a ten-function project (the archetype's notes service and a class of seven GET routes), one
# file saved, until the route answers with the new code. Side by side in one run: the loop before stratus:dev
# (`mvn package`, serve replacing the rebuilt jar's JVMs) and `mvn stratus:dev`. Needs Stratus installed in the
# local Maven repository (mvn -B install -DskipTests).
# usage: bench/dev/run.sh [edits per loop, default 5]
set -euo pipefail
edits=${1:-5}
version=0.1.0-SNAPSHOT
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -- -$p 2>/dev/null || true; done; sleep 2; rm -rf "$work"' EXIT
cd "$work"
mvn -B -o -q org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate -DarchetypeGroupId=dev.stratus \
  -DarchetypeArtifactId=stratus-archetype -DarchetypeVersion=$version -DgroupId=com.example.notes \
  -DartifactId=notes -Dpackage=com.example.notes -DinteractiveMode=false
cd notes
routes=""
for i in 1 2 3 4 5 6 7; do
  routes="$routes  @CfFunction @HttpApiRoute(path = \"/extra/$i\", method = \"GET\") public String r$i() { return \"v0\"; }
"
done
cat > src/main/java/com/example/notes/Extra.java <<JAVA
package com.example.notes;

import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.HttpApiRoute;

public class Extra {
$routes}
JAVA
now() { date +%s.%N; }
# $1 log, $2 port: waits for serve's functions line
ready() { until grep -q '^stratus-local: functions' "$1"; do sleep 0.05; done; }
# $1 port, $2 version: seconds from the save to the route's answer with it
edit() {
  sed -i "s/public String r1() { return \"v[0-9]*\"; }/public String r1() { return \"v$2\"; }/" src/main/java/com/example/notes/Extra.java
  local t0; t0=$(now)
  ${3:-true}
  until [ "$(curl -s "localhost:$1/extra/1")" = "\"v$2\"" ]; do sleep 0.02; done
  echo "$(now) - $t0" | bc
}
stats() { sort -n | awk '{a[NR]=$1} END {printf "%.2f / %.2f / %.2f", a[1], a[int((NR+1)/2)], a[NR]}'; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')

mvn -B -o -q package -DskipTests > /dev/null
jar=~/.m2/repository/dev/stratus/stratus-local/$version/stratus-local-$version.jar
setsid java -jar "$jar" serve --template target/template.yaml --port "$port" > serve.log 2>&1 &
pids+=($!)
ready serve.log
curl -s "localhost:$port/extra/1" > /dev/null
package() { mvn -B -o -q package -DskipTests > /dev/null; }
before=$(for i in $(seq "$edits"); do edit "$port" "$i" package; done | stats)
kill -- -"${pids[0]}"; sleep 3

start=$(now)
setsid mvn -B -o stratus:dev -Dstratus.args="--port $port" > dev.log 2>&1 &
pids+=($!)
ready dev.log
started=$(echo "$(now) - $start" | bc)
curl -s "localhost:$port/extra/1" > /dev/null
after=$(for i in $(seq "$edits"); do edit "$port" $((100 + i)); sleep 1; done | stats)
printf '| loop | edit-to-served, min / median / max of %d |\n|---|---|\n' "$edits"
printf '| edit, `mvn package`, serve replaces the jar'"'"'s JVMs (before) | %s s |\n' "$before"
printf '| edit, `mvn stratus:dev` (after) | %s s |\n' "$after"
printf '\n`mvn stratus:dev` from its start to serving: %.1f s\n' "$started"
grep 'Stratus: compiled' dev.log | sed 's/^/    /'
