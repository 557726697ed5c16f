#!/usr/bin/env python3
"""Derives what the role SAM creates for a function holds beyond its Policies, so that the permissions report
tells the whole role:

- which AWS managed policies the SAM translator attaches, asked of the translator itself: a probe template per
  case (a plain function, each pull event source, Tracing: Active, a VpcConfig) is transformed and the managed
  policy ARNs of the function's role are read back;
- what those policies allow, from the AWS Managed Policy Reference
  (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/<name>.html): AWS publishes the documents
  there and nowhere on this machine, so they are kept below (Basic v1, DynamoDB v1 and Kinesis v2 read from the
  reference's pages on 2026-12-06; SQS, X-Ray and VPC as the reference gives them, not re-read that day).

- for the roles Stratus writes instead, each poller's actions split by what IAM can scope them to (cfn-lint's IAM
  data): those that apply to the source's resource type (its queue, its stream) and those that apply to no
  resource at all, which only "*" names; X-Ray's likewise.

- the SAM translator's policy templates, each one's parameters and statements, for a role Stratus writes to hold
  what a template would have given, and its map of AWS managed policy names to ARNs: written to
  policy-templates.json beside it, as the translator ships them.

Writes template-gen/src/main/resources/dev/stratus/template/connect/sam-role.json:
  {"translator": version, "function": [policy, ...], "tracing": [...], "vpc": [...],
   "events": {SAM event type: [policy, ...]}, "policies": {policy: {"actions": [...], "resources": [...]}},
   "pollers": {SAM event type: {"scoped": [...], "unscoped": [...]}}, "tracing-actions": [...]}

usage: python3 tools/gen_sam_role.py   (from the repository root; re-run after upgrading aws-sam-translator)
"""
import copy
import importlib.metadata
import samtranslator
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
sys.path.insert(0, str(Path(__file__).parent))
from check_template import PSEUDO, OfflinePolicyLoader  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402
from cfnlint.data import AdditionalSpecs  # noqa: E402

OUT = Path("template-gen/src/main/resources/dev/stratus/template/connect/sam-role.json")
TEMPLATES_OUT = OUT.with_name("policy-templates.json")
LOGS = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]

# The AWS Managed Policy Reference's documents: each one statement, Allow these actions on Resource "*".
DOCUMENTS = {
    "AWSLambdaBasicExecutionRole": LOGS,
    "AWSLambdaSQSQueueExecutionRole": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"] + LOGS,
    "AWSLambdaKinesisExecutionRole": ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
                                      "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:ListStreams",
                                      "kinesis:SubscribeToShard"] + LOGS,
    "AWSLambdaDynamoDBExecutionRole": ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                                       "dynamodb:ListStreams"] + LOGS,
    "AWSXrayWriteOnlyAccess": ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                               "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"],
    "AWSLambdaVPCAccessExecutionRole": LOGS + ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                                               "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
                                               "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
}

EVENTS_SERVICE = {"SQS": "sqs", "Kinesis": "kinesis", "DynamoDB": "dynamodb"}
FUNCTION = {"Type": "AWS::Serverless::Function",
            "Properties": {"Handler": "a.B::handleRequest", "Runtime": "java21", "CodeUri": "s3://bucket/key"}}
# The IAM resource type of each pull source's ARN.
SOURCE_TYPES = {"SQS": "queue", "Kinesis": "stream", "DynamoDB": "stream"}
EVENTS = {
    "SQS": {"Queue": "arn:aws:sqs:us-east-1:123456789012:q"},
    "Kinesis": {"Stream": "arn:aws:kinesis:us-east-1:123456789012:stream/s", "StartingPosition": "LATEST"},
    "DynamoDB": {"Stream": "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/x", "StartingPosition": "LATEST"},
}


def managed(properties):
    """The managed policies of the role SAM makes for a function with these extra properties."""
    fn = copy.deepcopy(FUNCTION)
    fn["Properties"].update(properties)
    out = transform({"Transform": "AWS::Serverless-2016-10-31", "Resources": {"F": fn}}, dict(PSEUDO),
                    OfflinePolicyLoader())
    arns = out["Resources"]["FRole"]["Properties"]["ManagedPolicyArns"]
    names = [a["Fn::Sub"].rsplit("/", 1)[1] if isinstance(a, dict) else a.rsplit("/", 1)[1] for a in arns]
    return names


def main():
    base = managed({})
    data = {"translator": importlib.metadata.version("aws-sam-translator"), "function": base,
            "tracing": [p for p in managed({"Tracing": "Active"}) if p not in base],
            "vpc": [p for p in managed({"VpcConfig": {"SecurityGroupIds": ["sg-1"], "SubnetIds": ["subnet-1"]}})
                    if p not in base],
            "events": {t: [p for p in managed({"Events": {"E": {"Type": t, "Properties": props}}}) if p not in base]
                       for t, props in EVENTS.items()}}
    used = set(data["function"] + data["tracing"] + data["vpc"] + [p for ps in data["events"].values() for p in ps])
    missing = used - DOCUMENTS.keys()
    if missing:
        sys.exit(f"the translator attaches {sorted(missing)}: add their documents to DOCUMENTS")
    data["policies"] = {p: {"actions": DOCUMENTS[p], "resources": ["*"]} for p in sorted(used)}
    iam = json.loads((Path(AdditionalSpecs.__file__).parent / "Policies.json").read_text())

    def resources(action):
        service, name = action.split(":")
        actions = {k.lower(): v for k, v in iam[service]["Actions"].items()}
        return actions[name.lower()].get("Resources", [])

    data["pollers"] = {}
    for event, policies in data["events"].items():
        service = EVENTS_SERVICE[event]
        actions = [a for p in policies for a in DOCUMENTS[p] if a.startswith(service + ":")]
        data["pollers"][event] = {"scoped": [a for a in actions if SOURCE_TYPES[event] in resources(a)],
                                  "unscoped": [a for a in actions if not resources(a)]}
    data["tracing-actions"] = [a for p in data["tracing"] for a in DOCUMENTS[p] if not resources(a)]
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {', '.join(sorted(used))}")
    sam = Path(samtranslator.__file__).parent
    templates = json.loads((sam / "policy_templates_data" / "policy_templates.json").read_text())["Templates"]
    # A managed policy named in Policies is the translator's ARN for its name, the partition left to the stack.
    arns = json.loads((sam / "internal" / "data" / "aws_managed_policies.json").read_text())["aws"]
    prefix = "arn:aws:iam::aws:policy/"
    TEMPLATES_OUT.write_text(json.dumps({"translator": data["translator"], "templates": {
        name: {"parameters": sorted(t.get("Parameters", {})), "statements": t["Definition"]["Statement"]}
        for name, t in sorted(templates.items())},
        "managed": {name: arn[len(prefix):] for name, arn in sorted(arns.items()) if arn.startswith(prefix)}},
        separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {TEMPLATES_OUT}: {len(templates)} policy templates")


if __name__ == "__main__":
    main()
