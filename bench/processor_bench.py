#!/usr/bin/env python3
"""Stratus's build-time cost: javac with the Stratus processor against javac with a no-op processor that
visits the same annotations (the floor of annotation processing) and against -proc:none, interleaved, on
generated stacks (bench/gen_stack.py); then the `generate` goal's work alone (the CLI's merge, same code),
and Stratus's validation of the finished template.

With --cdk, the same stack in AWS CDK (bench/cdk/synth.js; npm ci in bench/cdk first), synth with and without
its validation; with --cfn-lint, cfn-lint on Stratus's template, against Stratus's own checks.

With --typed, the functions are typed methods (gen_stack.py --typed): the processor also writes the handlers
(one class per user class, a method per typed method) and their codecs, and javac compiles them. Then the processor's own time (-proc:only, against the no-op floor's
-proc:only) and javac's compile of the generated code (the stack with and without the generated sources,
-proc:none) are reported apart. With --uses, each function declares @Use instead of a variable and a policy
template (gen_stack.py --uses).

usage: python3 bench/processor_bench.py [--sizes 10,100,1000] [--runs 5] [--cdk] [--cfn-lint] [--typed | --uses]
Run from the repository root after `npm ci && mvn -B package -DskipTests`. Prints Markdown tables.
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "target"
M2 = Path.home() / ".m2" / "repository"


def version():
    for line in (ROOT / "pom.xml").read_text().splitlines():
        line = line.strip()
        if line.startswith("<version>"):
            return line[len("<version>"):-len("</version>")]
    raise SystemExit("no version in pom.xml")


def jar(pattern):
    found = sorted(glob.glob(str(pattern)))
    if not found:
        raise SystemExit(f"missing {pattern}: build first (npm ci && mvn -B package -DskipTests)")
    return found[-1]


def timed(cmd, check=True):
    start = time.perf_counter()
    subprocess.run(cmd, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def stats(xs):
    return min(xs), statistics.median(xs), max(xs)


def fmt(xs):
    lo, med, hi = stats(xs)
    return f"{lo:.2f} / {med:.2f} / {hi:.2f}"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="10,100,1000")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--cdk", action="store_true")
    p.add_argument("--cfn-lint", action="store_true")
    p.add_argument("--typed", action="store_true")
    p.add_argument("--uses", action="store_true", help="functions declare @Use instead of a variable and a policy")
    a = p.parse_args()
    v = version()
    annotations = jar(ROOT / f"annotations/target/stratus-annotations-{v}.jar")
    runtime = jar(ROOT / f"runtime/target/stratus-runtime-{v}.jar")
    processor = os.pathsep.join([jar(ROOT / f"processor/target/stratus-processor-{v}.jar"),
                                 jar(ROOT / f"template-gen/target/stratus-template-gen-{v}.jar"),
                                 jar(M2 / "org/yaml/snakeyaml/2.5/snakeyaml-2.5.jar"),
                                 jar(M2 / "com/palantir/javapoet/javapoet/*/javapoet-*.jar"), annotations, runtime])
    cli = jar(ROOT / f"template-gen/target/stratus-template-gen-{v}-cli.jar")
    core = jar(M2 / "com/amazonaws/aws-lambda-java-core/1.4.0/aws-lambda-java-core-1.4.0.jar")
    crac = jar(M2 / "org/crac/crac/1.5.0/crac-1.5.0.jar")
    classpath = os.pathsep.join([annotations, core, runtime, crac])

    noop = WORK / "noop"
    shutil.rmtree(noop, ignore_errors=True)
    (noop / "META-INF/services").mkdir(parents=True)
    subprocess.run(["javac", "-d", str(noop), str(ROOT / "bench/noop/dev/stratus/bench/NoopProcessor.java")], check=True)
    shutil.copy(ROOT / "bench/noop/META-INF/services/javax.annotation.processing.Processor", noop / "META-INF/services")

    rows = []
    for n in [int(s) for s in a.sizes.split(",")]:
        src = WORK / f"stack-{n}"
        shutil.rmtree(src, ignore_errors=True)
        subprocess.run([sys.executable, str(ROOT / "bench/gen_stack.py"), *(["--typed"] if a.typed else ["--uses"] if a.uses else []), str(n),
                        str(src / "src")], check=True)
        sources = sorted(str(f) for f in (src / "src").rglob("*.java"))
        argfile = src / "sources.txt"
        argfile.write_text("\n".join(sources))
        times = {"none": [], "floor": [], "stratus": [], "generate": [], "validate": []}
        gen = src / "generated"
        variants = {
            "none": ["-proc:none"],
            "floor": ["-processorpath", str(noop)],
            # 1,000 functions are over CloudFormation's 500 resources: measured as a split build would run it.
            "stratus": ["-processorpath", processor, "-Astratus.limits=warn"],
        }
        if a.typed:
            variants["floor-only"] = ["-proc:only", "-processorpath", str(noop)]
            variants["stratus-only"] = ["-proc:only", "-processorpath", processor, "-Astratus.limits=warn", "-s", str(gen)]
            times.update({"floor-only": [], "stratus-only": [], "with-generated": [], "own": []})
        for r in range(a.runs):
            order = list(variants) if r % 2 == 0 else list(reversed(variants))
            for name in order:
                out = src / f"out-{name}"
                shutil.rmtree(out, ignore_errors=True)
                if name == "stratus-only":
                    shutil.rmtree(gen, ignore_errors=True)
                    gen.mkdir()
                times[name].append(timed(["javac", "-d", str(out), "-cp", classpath, *variants[name], f"@{argfile}"]))
            if a.typed:
                # The processor's own time, as it measures itself (javac's parsing of what it wrote excluded).
                out = src / "out-timed"
                shutil.rmtree(out, ignore_errors=True)
                note = subprocess.run(["javac", "-d", str(out), "-cp", classpath, *variants["stratus"],
                                       "-Astratus.timings", f"@{argfile}"], capture_output=True, text=True).stderr
                times["own"].append(float(note.split("the processor's own time ")[1].split(" s")[0]))
                both = src / "with-generated.txt"
                both.write_text("\n".join(sources + sorted(str(f) for f in gen.rglob("*.java"))))
                out = src / "out-with-generated"
                shutil.rmtree(out, ignore_errors=True)
                times["with-generated"].append(timed(["javac", "-d", str(out), "-cp", classpath, "-proc:none",
                                                      f"@{both}"]))
            template = src / "template.yaml"
            times["generate"].append(timed(["java", "-jar", cli, "merge", "--limits-as-warnings", str(src / "out-stratus"),
                                            "--code-uri", "app.jar", "-o", str(template)]))
            times["validate"].append(timed(["java", "-jar", cli, "validate", str(template)], check=False))
        if a.cdk:
            for flag, key in (([], "cdk"), (["--no-validation"], "cdk-fast")):
                times[key] = []
                for _ in range(a.runs):
                    start = time.perf_counter()
                    subprocess.run(["node", str(ROOT / "bench/cdk/synth.js"), str(n), *flag], check=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    times[key].append(time.perf_counter() - start)
        if a.cfn_lint:
            times["cfn-lint"] = [timed(["cfn-lint", "--format", "parseable", str(template)], check=False)]
            phases = subprocess.run(["java", "-jar", cli, "validate", "--timings", str(template)], capture_output=True,
                                    text=True).stdout.splitlines()[0]
            times["checks"] = [float(phases.split("checks ")[1].split(" ms")[0]) / 1000]
        text = (src / "out-stratus/META-INF/stratus/fragments.yaml").read_text()
        fragments = sum(1 for line in text.splitlines() if line.startswith("--- # "))
        expected = ((n + 9) // 10 if a.typed else n) + 1
        assert fragments == expected, f"expected {expected} fragments, got {fragments}"
        if a.typed:
            classes = len(list(gen.rglob("*_Lambda.java")))
            assert classes == (n + 9) // 10, f"expected {(n + 9) // 10} generated handler classes, got {classes}"
        rows.append((n, times))

    print(f"javac of the generated stack, seconds (min / median / max of {a.runs}, interleaved), {os.cpu_count()} cores\n")
    print("| functions | javac -proc:none | javac + no-op processor (floor) | javac + Stratus | Stratus / floor |"
          " generate (CLI merge) | validate (CLI) |")
    print("|---|---|---|---|---|---|---|")
    for n, t in rows:
        ratio = statistics.median(t["stratus"]) / statistics.median(t["floor"])
        print(f"| {n} | {fmt(t['none'])} | {fmt(t['floor'])} | {fmt(t['stratus'])} | {ratio:.2f}× |"
              f" {fmt(t['generate'])} | {fmt(t['validate'])} |")
    if a.typed:
        print("\nTyped methods: the processor's own time and javac's compile of what it generates, medians, seconds\n")
        print("| methods | processor's own time (it measures itself) | -proc:only, Stratus − no-op (with javac"
              " parsing what it wrote) | compile of the generated handlers (-proc:none, with − without) |"
              " generated sources |")
        print("|---|---|---|---|---|")
        for n, t in rows:
            alone = statistics.median(t["stratus-only"]) - statistics.median(t["floor-only"])
            compile_ = statistics.median(t["with-generated"]) - statistics.median(t["none"])
            size = sum(f.stat().st_size for f in (WORK / f"stack-{n}" / "generated").rglob("*.java"))
            print(f"| {n} | {fmt(t['own'])} | {alone:.2f} | {compile_:.2f} | {size // 1024} KB |")
    if a.cdk:
        print("\nStratus's template work (processor beyond the floor + generate) against CDK synth, seconds, medians\n")
        print("| functions | Stratus work | CDK synth (validation) | CDK synth (--no-validation) | CDK / Stratus |")
        print("|---|---|---|---|---|")
        for n, t in rows:
            work = statistics.median(t["stratus"]) - statistics.median(t["floor"]) + statistics.median(t["generate"])
            cdk = statistics.median(t["cdk"])
            print(f"| {n} | {work:.2f} | {fmt(t['cdk'])} | {fmt(t['cdk-fast'])} | {cdk / work:.1f}× |")
    if a.cfn_lint:
        print("\ncfn-lint against Stratus's checks on the same template, seconds\n")
        print("| functions | cfn-lint (one run) | Stratus CLI validate, whole process (median) | Stratus checks alone |"
              " cfn-lint / Stratus process |")
        print("|---|---|---|---|---|")
        for n, t in rows:
            process = statistics.median(t["validate"])
            print(f"| {n} | {t['cfn-lint'][0]:.2f} | {process:.2f} | {t['checks'][0]:.3f} |"
                  f" {t['cfn-lint'][0] / process:.0f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
