#!/usr/bin/env python3
"""serve's start-up: from `java` launched to its last address line ("stratus-local: functions"), every listener up.

usage: bench/serve/ready.py [--runs 3] NAME=JAR...   e.g. before=/tmp/prev/local/target/stratus-local.jar now=local/target/stratus-local.jar

For each jar, each template below is served with `--port 0` `runs` times, interleaved: as a user types it
(`java -jar`; since 2026-12-06 that JVM starts serve's in a tuned one of its own, see ServeJvm) and in one JVM
given C1 alone and a class-data archive of serve's classes (what stratus:run and stratus:dev start, sparing
the first JVM). Prints a Markdown table of min / median / max seconds.
"""
import argparse, os, statistics, subprocess, sys, tempfile, time

FUNCTION = """  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: java17
      Handler: example.Handler::handle
      CodeUri: .
      Events:
{events}"""
TUNED = "stratus.tunedJvm"  # set: serve runs in the JVM started, which a jar since 2026-12-06 would start again
TEMPLATES = {
    "topic": ("a topic", """  Topic: {Type: AWS::SNS::Topic}
""", """        Note: {Type: SNS, Properties: {Topic: !Ref Topic}}
"""),
    "table": ("a table", """  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
""", """        Get: {Type: HttpApi, Properties: {Path: /items, Method: GET}}
"""),
    "full": ("a table, a bucket, a queue and a topic", """  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
  Bucket: {Type: AWS::S3::Bucket}
  Queue: {Type: AWS::SQS::Queue}
  Topic: {Type: AWS::SNS::Topic}
""", """        Get: {Type: HttpApi, Properties: {Path: /items, Method: GET}}
        Work: {Type: SQS, Properties: {Queue: !GetAtt Queue.Arn}}
        Note: {Type: SNS, Properties: {Topic: !Ref Topic}}
"""),
}


def write(dir, name):
    _, resources, events = TEMPLATES[name]
    path = os.path.join(dir, name + ".yaml")
    with open(path, "w") as f:
        f.write("AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n"
                + resources + FUNCTION.format(events=events))
    return path


def ready(java_options, jar, template):
    start = time.monotonic()
    p = subprocess.Popen(["java", *java_options, "-jar", jar, "serve", "--template", template, "--port", "0"],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = []
    for line in p.stdout:
        out.append(line)
        if line.startswith("stratus-local: functions"):
            seconds = time.monotonic() - start
            p.terminate()
            p.wait()
            time.sleep(1)  # the next start on an idle machine: this one's children stop after it
            return seconds
    sys.exit("serve did not start:\n" + "".join(out))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("jars", nargs="+")
    args = parser.parse_args()
    dir = tempfile.mkdtemp(prefix="stratus-ready-")
    templates = {name: write(dir, name) for name in TEMPLATES}
    modes = []
    for spec in args.jars:
        label, jar = spec.split("=", 1)
        archive = os.path.join(dir, label + ".jsa")
        # A first run of each: a jar that tunes serve's JVM itself writes its archive into the user's cache at
        # its exit; the second writes the one the flags below name.
        for options in ([], ["-XX:ArchiveClassesAtExit=" + archive, "-D" + TUNED + "=true"]):
            subprocess.run(["java", *options, "-jar", jar, "serve", "--template", templates["full"], "--port", "0",
                            "--check"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        modes.append((label + ", `java -jar`", [], jar))
        modes.append((label + ", C1 and an archive, one JVM", ["-XX:TieredStopAtLevel=1", "-Xlog:cds=off",
                                                               "-XX:SharedArchiveFile=" + archive,
                                                               "-D" + TUNED + "=true"], jar))
    times = {(m[0], t): [] for m in modes for t in TEMPLATES}
    for _ in range(args.runs):
        for name, template in templates.items():
            for label, options, jar in modes:
                times[(label, name)].append(ready(options, jar, template))
    print("| serve of | " + " | ".join(m[0] for m in modes) + " |")
    print("|---|" + "---|" * len(modes))
    for name in TEMPLATES:
        cells = []
        for label, _, _ in modes:
            t = sorted(times[(label, name)])
            cells.append("%.2f / %.2f / %.2f" % (t[0], statistics.median(t), t[-1]))
        print("| " + TEMPLATES[name][0] + " | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
