#!/usr/bin/env bash
# The Stratus processor's cost on the Filestore app: javac with the processor against javac without any
# (-proc:none), runs interleaved, min/median/max of N each. Run from the repository root after
# `mvn -B install -DskipTests`.  usage: bench/filestore-compile.sh [N]
set -euo pipefail
n=${1:-7}
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
mvn -q -B -Dstyle.color=never -pl app dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=compile >/dev/null
version=$(sed -n 's#^  <version>\(.*\)</version>#\1#p' pom.xml | head -1)
processor="processor/target/stratus-processor-$version.jar:template-gen/target/stratus-template-gen-$version.jar:$HOME/.m2/repository/org/yaml/snakeyaml/2.5/snakeyaml-2.5.jar:annotations/target/stratus-annotations-$version.jar"
sources=$(find app/src/main/java -name '*.java')
out=$(mktemp -d)
run() { # label, javac args...
  local label=$1; shift
  rm -rf "$out"/*
  local start end
  start=$(date +%s%N)
  javac -d "$out" -cp "$(cat "$cp_file")" "$@" $sources
  end=$(date +%s%N)
  echo "$label $(( (end - start) / 1000000 ))"
}
results=$(for i in $(seq "$n"); do
  run none -proc:none
  run stratus -processorpath "$processor"
done)
stats() { echo "$results" | awk -v l="$1" '$1==l {print $2}' | sort -n | awk '{a[NR]=$1} END {printf "min %d ms, median %d ms, max %d ms", a[1], a[int((NR+1)/2)], a[NR]}'; }
echo "javac -proc:none:            $(stats none)"
echo "javac with Stratus processor: $(stats stratus)"
count=$(grep -c '^--- # ' "$out"/META-INF/stratus/fragments.yaml || true)
[ "$count" -gt 0 ] || { echo "the processor wrote no fragment: check the processor path" >&2; exit 1; }
echo "fragments written: $count"
rm -rf "$out" "$cp_file"
