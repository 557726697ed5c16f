#!/usr/bin/env python3
"""Checks that the roles of a generated template, as the SAM translator deploys them, hold nothing on "*" beyond
what IAM scopes to no resource (the pollers' list actions, X-Ray's), and no AWS managed policy SAM attached (a
managed policy the user names is theirs):
that the role which deploys is the one the permissions report shows. A function that keeps SAM's role (policy
templates, a VPC) is named and skipped. Exit 0 when every template passes.

usage: check_roles.py TEMPLATE...
"""
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
sys.path.insert(0, str(Path(__file__).parent))
from check_template import PSEUDO, OfflinePolicyLoader, packaged  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

DATA = json.loads((Path(__file__).parent.parent / "template-gen/src/main/resources/dev/stratus/template/connect"
                   / "sam-role.json").read_text())
UNSCOPED = {a for p in DATA["pollers"].values() for a in p["unscoped"]} | set(DATA["tracing-actions"])


def problems(path):
    template, found = packaged(yaml_parse(path.read_text(encoding="utf-8")), path.parent)
    out = transform(template, dict(PSEUDO), OfflinePolicyLoader())
    for rid, r in out["Resources"].items():
        if r["Type"] != "AWS::IAM::Role":
            continue
        props = r["Properties"]
        if {"Key": "lambda:createdBy", "Value": "SAM"} in props.get("Tags", []):
            print(f"{path}: {rid[:-4]} keeps SAM's role (managed policies {len(props.get('ManagedPolicyArns', []))})")
            continue
        for policy in props.get("Policies", []):
            for s in policy["PolicyDocument"]["Statement"]:
                resources = s["Resource"] if isinstance(s["Resource"], list) else [s["Resource"]]
                actions = s["Action"] if isinstance(s["Action"], list) else [s["Action"]]
                if "*" in resources and not set(actions) <= UNSCOPED:
                    found.append(f"{rid}: {sorted(set(actions) - UNSCOPED)} on *")
    return found


def main(argv):
    failed = 0
    for arg in argv or ["--help"]:
        if arg.startswith("-"):
            print(__doc__)
            return 2
        found = problems(Path(arg))
        for p in found:
            print(f"{arg}: {p}")
        failed += bool(found)
    print(f"{len(argv) - failed} of {len(argv)} templates' roles are scoped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
