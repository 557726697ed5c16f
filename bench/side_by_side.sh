#!/bin/bash
# Two builds of Stratus side by side: javac with the no-op processor (the floor), with Stratus as an older
# checkout builds it, and with Stratus as this one does, interleaved on one generated stack (typed methods, or
# class handlers with --class), so that both see the machine alike: its speed drifts over minutes on 2 cores.
# Prints each variant's seconds in run order.
#
# usage: bash bench/side_by_side.sh <older checkout> <functions> <runs> [--class]
# Build both first: mvn -B package -DskipTests -pl annotations,runtime,template-gen,processor -am (in each), and
# run python3 bench/processor_bench.py once here (it compiles the no-op processor into bench/target/noop).
set -euo pipefail
before=$(cd "$1" && pwd); n=$2; runs=$3; kind=--typed
[ "${4:-}" = --class ] && kind=
here=$(cd "$(dirname "$0")/.." && pwd)
m2=~/.m2/repository; v=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$here/pom.xml" | head -1)
poet=$(ls "$m2"/com/palantir/javapoet/javapoet/*/javapoet-*.jar | tail -1)
processor() { echo "$1/processor/target/stratus-processor-$v.jar:$1/template-gen/target/stratus-template-gen-$v.jar:$m2/org/yaml/snakeyaml/2.5/snakeyaml-2.5.jar:$poet:$1/annotations/target/stratus-annotations-$v.jar:$1/runtime/target/stratus-runtime-$v.jar"; }
classpath() { echo "$1/annotations/target/stratus-annotations-$v.jar:$m2/com/amazonaws/aws-lambda-java-core/1.4.0/aws-lambda-java-core-1.4.0.jar:$1/runtime/target/stratus-runtime-$v.jar:$m2/org/crac/crac/1.5.0/crac-1.5.0.jar"; }
work="$here/bench/target/side-by-side-$n"
rm -rf "$work"
python3 "$here/bench/gen_stack.py" $kind "$n" "$work/src" >/dev/null
find "$work/src" -name '*.java' > "$work/sources.txt"
for _ in $(seq "$runs"); do
  for variant in floor before now; do
    rm -rf "$work/out"
    case $variant in
      floor) args=(-cp "$(classpath "$here")" -processorpath "$here/bench/target/noop") ;;
      before) args=(-cp "$(classpath "$before")" -processorpath "$(processor "$before")" -Astratus.limits=warn) ;;
      now) args=(-cp "$(classpath "$here")" -processorpath "$(processor "$here")" -Astratus.limits=warn) ;;
    esac
    /usr/bin/time -o "$work/time" -f %e javac -d "$work/out" "${args[@]}" "@$work/sources.txt" >/dev/null 2>&1
    echo "$variant $(cat "$work/time")"
  done
done | awk '{t[$1] = t[$1] " " $2} END {for (k in t) print k ":" t[k]}'
