#!/usr/bin/env python3
"""Checks templates with the tools AWS users deploy with: cfn-lint (no errors, no warnings) and the SAM
translator that `sam deploy` runs. Exit 0 when every template passes both, 1 otherwise.

The translator wants CodeUri as s3:// locations; like `sam package`, this checks that each local artifact
exists next to the template, then rewrites it.

usage: check_template.py TEMPLATE_OR_DIR...   (a directory stands for every template.yaml and
                                             expected.yaml below it: the goldens of the test suites)
"""
import copy
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

REGION = "us-east-1"
PSEUDO = {"AWS::Region": REGION, "AWS::Partition": "aws", "AWS::AccountId": "123456789012",
          "AWS::StackName": "stratus-check", "AWS::StackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/stratus-check/1",
          "AWS::URLSuffix": "amazonaws.com", "AWS::NotificationARNs": []}


class AnyManagedPolicy(dict):
    """SAM resolves managed policy names through IAM; offline, every AWS-managed name maps to its usual ARN."""

    def get(self, key, default=None):
        return f"arn:aws:iam::aws:policy/{key}"

    def __contains__(self, key):
        return True


class OfflinePolicyLoader:
    def load(self):
        return AnyManagedPolicy()


def packaged(template, template_dir):
    """Rewrites local CodeUri values to s3:// as `sam package` would, failing on missing artifacts."""
    problems = []
    template = copy.deepcopy(template)
    places = [("Globals/Function", template.get("Globals", {}).get("Function", {}))]
    for rid, res in template.get("Resources", {}).items():
        if res.get("Type") == "AWS::Serverless::Function":
            places.append((f"Resources/{rid}", res.setdefault("Properties", {})))
    for where, props in places:
        uri = props.get("CodeUri")
        if isinstance(uri, str) and not uri.startswith("s3://"):
            artifact = (template_dir / uri).resolve()
            if not artifact.exists():
                problems.append(f"{where}: CodeUri {uri} does not exist at {artifact}")
            props["CodeUri"] = f"s3://stratus-check/{artifact.name}"
    return template, problems


def translate(path):
    text = path.read_text(encoding="utf-8")
    template, problems = packaged(yaml_parse(text), path.parent)
    params = dict(PSEUDO)
    for name, p in template.get("Parameters", {}).items():
        if "Default" in p:
            params[name] = p["Default"]
    try:
        transform(template, params, OfflinePolicyLoader())
    except InvalidDocumentException as e:
        problems.extend(str(cause) for cause in e.causes)
    except Exception as e:  # the translator's own failures are still a rejection
        problems.append(f"{type(e).__name__}: {e}")
    return problems


def templates(args):
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.yaml") if p.name in ("template.yaml", "expected.yaml"))
        else:
            yield path


def main(argv):
    paths = list(templates(argv))
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)
    logging.disable(logging.WARNING)  # the translator logs metrics notices, not findings
    cfn_lint = shutil.which("cfn-lint")
    if cfn_lint is None:
        print("cfn-lint is not installed (pip install cfn-lint)", file=sys.stderr)
        return 1
    lint = subprocess.run([cfn_lint, "--format", "parseable", *map(str, paths)], capture_output=True, text=True)
    # parseable lines start with the file they are about
    findings = [line for line in lint.stdout.splitlines() if line.strip()]
    if lint.returncode != 0 and not findings:
        findings = [f"{paths[0]}: cfn-lint failed (exit {lint.returncode}): {lint.stderr.strip()}"]
    rejected = 0
    for path in paths:
        own = [f for f in findings if f.startswith(f"{path}:")] if len(paths) > 1 else findings
        problems = translate(path)
        if own:
            print(f"{path}: cfn-lint rejected it:", file=sys.stderr)
            for f in own:
                print(f"  {f}", file=sys.stderr)
        if problems:
            print(f"{path}: the SAM translator rejected it:", file=sys.stderr)
            for p in problems:
                print(f"  {p}", file=sys.stderr)
        if own or problems:
            rejected += 1
        else:
            print(f"{path}: cfn-lint and SAM translator ok")
    if rejected:
        print(f"{rejected} of {len(paths)} templates rejected", file=sys.stderr)
        return 1
    print(f"{len(paths)} templates passed cfn-lint and the SAM translator")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
