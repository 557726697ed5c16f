#!/usr/bin/env python3
"""Derives Stratus's resource knowledge from official sources on this machine, so nothing is typed by hand:

- CloudFormation resource provider schemas (us-east-1) as shipped, and patched, by cfn-lint;
- the SAM resource models of aws-sam-translator (property names of AWS::Serverless::*);
- cfn-lint's Lambda runtime lifecycle table;
- the SAM translator's policy templates (names and parameters), its list of AWS managed policy names, the
  properties its Globals plugin applies per section, and which SAM properties pass through to CloudFormation;
- the SAM translator's connector profiles: for a Lambda function as the source, the actions and resource forms of
  each access category (Read, Write) per destination type, and how each type gives its ARN; a Kinesis stream,
  which connectors do not cover, from the translator's Kinesis policy templates (KinesisStreamReadPolicy's
  stream statement reads, KinesisCrudPolicy's PutRecord* actions write); and, from cfn-lint's IAM policy data,
  the actions of those types' services, to check the actions a use narrows to.

Writes template-gen/src/main/resources/dev/stratus/template/check/resource-specs.tsv: a header line, the lines
`runtimes<TAB>{json}`, `policy-templates<TAB>{name: [parameter, ...]}` and `managed-policies<TAB>[name, ...]`, `globals<TAB>{section: [property, ...]}`,
`connectors<TAB>{Type: {"arn": intrinsic, "access": {Category: [{"Action": [...], "Resource": [...]}]}, "forms": {form: IAM
resource type}}}`, `iam-actions<TAB>{service: {action: [IAM resource type, ...]}}`, then one line `Type<TAB>{json}` per resource type, so that a reader can index the
file cheaply and parse only the types a template uses. Per type:
  p: properties {name: T}, r: required names, a: GetAtt attributes, d: definitions {name: object T}
where T is "s" string, "i" integer, "n" number, "b" boolean, "j" JSON (object or its text), "*" anything,
{"l": T} list, {"m": T} map, {"$": name} a definition, {"e": [...]} one of these strings, and an object
{"p": {...}, "r": [...], "x": 1 when it takes properties beyond those listed}.

usage: python3 tools/gen_resource_specs.py   (from the repository root; re-run after upgrading cfn-lint)
"""
import importlib.metadata
import json
import samtranslator
import sys
from pathlib import Path

from cfnlint.data import AdditionalSpecs
from cfnlint.schema.manager import PROVIDER_SCHEMA_MANAGER

REGION = "us-east-1"
OUT = Path("template-gen/src/main/resources/dev/stratus/template/check/resource-specs.tsv")
MAX_ENUM = 64
PRIMITIVES = {"string": "s", "integer": "i", "number": "n", "boolean": "b"}

# SAM types become these CloudFormation types, whose attributes GetAtt reaches.
SAM_ATTRIBUTES_FROM = {
    "AWS::Serverless::Function": "AWS::Lambda::Function",
    "AWS::Serverless::Api": "AWS::ApiGateway::RestApi",
    "AWS::Serverless::HttpApi": "AWS::ApiGatewayV2::Api",
    "AWS::Serverless::WebSocketApi": "AWS::ApiGatewayV2::Api",
    "AWS::Serverless::SimpleTable": "AWS::DynamoDB::Table",
    "AWS::Serverless::StateMachine": "AWS::StepFunctions::StateMachine",
    "AWS::Serverless::LayerVersion": "AWS::Lambda::LayerVersion",
    "AWS::Serverless::Application": "AWS::CloudFormation::Stack",
    "AWS::Serverless::GraphQLApi": "AWS::AppSync::GraphQLApi",
    "AWS::Serverless::Connector": None,
}


class Converter:
    def __init__(self, schema):
        self.schema = schema
        self.defs = {}

    def ref(self, ref):
        name = ref.split("/")[-1]
        if name not in self.defs:
            self.defs[name] = None  # reserve first: definitions may refer to themselves
            target = self.schema.get("definitions", {}).get(name, {})
            converted = self.convert(target)
            self.defs[name] = converted if isinstance(converted, dict) and "p" in converted else converted
        return {"$": name}

    def convert(self, s):
        if not isinstance(s, dict):
            return "*"
        if "$ref" in s:
            return self.ref(s["$ref"])
        for combinator in ("oneOf", "anyOf"):
            if combinator in s:
                return self.union([self.convert(branch) for branch in s[combinator]], s)
        t = s.get("type")
        if isinstance(t, list):
            return "*"
        if t in PRIMITIVES:
            if t == "string" and "enum" in s and len(s["enum"]) <= MAX_ENUM:
                return {"e": sorted(str(v) for v in s["enum"])}
            return PRIMITIVES[t]
        if t == "array":
            return {"l": self.convert(s.get("items", {}))}
        if t == "object" or "properties" in s or "patternProperties" in s:
            if "properties" in s:
                obj = {"p": {k: self.convert(v) for k, v in sorted(s["properties"].items())}}
                if s.get("required"):
                    obj["r"] = sorted(s["required"])
                if s.get("additionalProperties", True) is not False or "patternProperties" in s:
                    obj["x"] = 1
                return obj
            if "patternProperties" in s:
                values = [self.convert(v) for v in s["patternProperties"].values()]
                return {"m": values[0] if len(set(map(json.dumps, values))) == 1 else "*"}
            return "j"
        return "*"

    def union(self, branches, s):
        """A oneOf/anyOf: the one shape they share, else an object with the union of their properties."""
        unique = {json.dumps(b, sort_keys=True): b for b in branches}
        if len(unique) == 1:
            return branches[0]
        resolved = [self.defs.get(b["$"]) if isinstance(b, dict) and "$" in b else b for b in branches]
        if all(isinstance(b, dict) and "p" in b for b in resolved):
            props = {}
            for b in resolved:
                props.update(b["p"])
            obj = {"p": dict(sorted(props.items()))}
            if any(b.get("x") for b in resolved) or s.get("additionalProperties", True) is not False:
                obj["x"] = 1
            return obj
        return "*"


def cfn_type(type_name):
    schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema(REGION, type_name)
    c = Converter(schema.schema)
    spec = {"p": {k: c.convert(v) for k, v in sorted(schema.schema.get("properties", {}).items())}}
    read_only = {p.split("/")[-1] for p in schema.schema.get("readOnlyProperties", []) if p.count("/") == 2}
    for name in read_only:
        spec["p"].pop(name, None)
    if schema.schema.get("required"):
        spec["r"] = sorted(schema.schema["required"])
    spec["a"] = sorted(schema.get_atts.keys())
    if c.defs:
        spec["d"] = {k: v for k, v in sorted(c.defs.items()) if v is not None}
    return spec


def sam_types(cfn):
    from samtranslator.internal.schema_source import (
        aws_serverless_api, aws_serverless_application, aws_serverless_connector, aws_serverless_function,
        aws_serverless_graphqlapi, aws_serverless_httpapi, aws_serverless_layerversion,
        aws_serverless_simpletable, aws_serverless_statemachine, aws_serverless_websocketapi)
    modules = {
        "AWS::Serverless::Function": aws_serverless_function, "AWS::Serverless::Api": aws_serverless_api,
        "AWS::Serverless::HttpApi": aws_serverless_httpapi, "AWS::Serverless::WebSocketApi": aws_serverless_websocketapi,
        "AWS::Serverless::SimpleTable": aws_serverless_simpletable,
        "AWS::Serverless::StateMachine": aws_serverless_statemachine,
        "AWS::Serverless::LayerVersion": aws_serverless_layerversion,
        "AWS::Serverless::Application": aws_serverless_application,
        "AWS::Serverless::GraphQLApi": aws_serverless_graphqlapi, "AWS::Serverless::Connector": aws_serverless_connector,
    }
    from samtranslator.internal.schema_source.common import PassThroughProp
    out = {}
    for type_name, module in modules.items():
        source = SAM_ATTRIBUTES_FROM[type_name]
        cfn_spec = cfn.get(source, {})
        spec = {"p": {}}
        for n, f in module.Properties.__fields__.items():
            name = getattr(f, "alias", None) or n
            # A pass-through property is handed to the CloudFormation resource as it is: its schema applies.
            # (Runtime is checked on its own, with its lifecycle.)
            passed = f.outer_type_ is PassThroughProp and name in cfn_spec.get("p", {}) and name != "Runtime"
            spec["p"][name] = cfn_spec["p"][name] if passed else "*"
        spec["p"] = dict(sorted(spec["p"].items()))
        if cfn_spec.get("d"):
            spec["d"] = cfn_spec["d"]
        spec["a"] = cfn_spec.get("a", [])
        out[type_name] = spec
    return out


def sam_globals():
    """Globals section → the properties SAM applies from it, as the translator's Globals plugin lists them."""
    from samtranslator.plugins.globals.globals import Globals
    prefix = "AWS::Serverless::"
    return {t[len(prefix):]: sorted(props) for t, props in sorted(Globals.supported_properties.items())}


# Which IAM resource type each ARN form of the connector profiles names (IAM's own words, from cfn-lint's
# Policies.json), so that an action is granted only on the forms it applies to: s3:ListBucket on the bucket,
# s3:GetObject on its objects. Policies.json gives its ARN formats as patterns, too loose to match forms by.
FORM_TYPES = {
    "AWS::DynamoDB::Table": {"%{Destination.Arn}": "table", "%{Destination.Arn}/index/*": "index"},
    "AWS::Events::EventBus": {"%{Destination.Arn}": "event-bus"},
    "AWS::Kinesis::Stream": {"%{Destination.Arn}": "stream"},
    "AWS::Lambda::Function": {"%{Destination.Arn}": "function"},
    "AWS::Location::PlaceIndex": {"%{Destination.Arn}": "place-index"},
    "AWS::S3::Bucket": {"%{Destination.Arn}": "bucket", "%{Destination.Arn}/*": "object"},
    "AWS::SNS::Topic": {"%{Destination.Arn}": "topic"},
    "AWS::SQS::Queue": {"%{Destination.Arn}": "queue"},
    "AWS::StepFunctions::StateMachine": {
        "%{Destination.Arn}": "statemachine",
        "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:%{Destination.Name}:*": "execution"},
}


def connector_profiles():
    """What a Lambda function may be granted on each destination type, per SAM's connector profiles."""
    data = json.loads((Path(samtranslator.__file__).parent / "model" / "connector_profiles" / "profiles.json")
                      .read_text())
    outputs = data["CfnResourceProperties"]
    out = {}
    for dest, profile in sorted(data["Permissions"]["AWS::Lambda::Function"].items()):
        if profile["Type"] != "AWS_IAM_ROLE_MANAGED_POLICY" or "Arn" not in outputs.get(dest, {}).get("Outputs", {}):
            continue
        access = {name: [{"Action": st["Action"], "Resource": st["Resource"]} for st in cat["Statement"]]
                  for name, cat in sorted(profile["Properties"]["AccessCategories"].items())}
        forms = {f for cat in access.values() for st in cat for f in st["Resource"]}
        if forms != set(FORM_TYPES[dest]):
            raise SystemExit(f"{dest}: the profiles' ARN forms {sorted(forms)} are not those FORM_TYPES knows")
        out[dest] = {"arn": outputs[dest]["Outputs"]["Arn"], "access": access, "forms": FORM_TYPES[dest]}
    out["AWS::Kinesis::Stream"] = kinesis_profile(out["AWS::SQS::Queue"]["arn"])
    return dict(sorted(out.items()))


def kinesis_profile(arn):
    """A Kinesis stream as a destination, from the translator's policy templates for one stream: what
    KinesisStreamReadPolicy allows on the stream reads it; KinesisCrudPolicy's record puts write it."""
    templates = json.loads((Path(samtranslator.__file__).parent / "policy_templates_data" / "policy_templates.json")
                           .read_text())["Templates"]
    def on_stream(name):
        return [st for st in templates[name]["Definition"]["Statement"]
                if "Fn::Sub" in st["Resource"] and isinstance(st["Resource"]["Fn::Sub"], list)]
    read = [a for st in on_stream("KinesisStreamReadPolicy") for a in st["Action"]]
    write = [a for st in on_stream("KinesisCrudPolicy") for a in st["Action"] if a.startswith("kinesis:PutRecord")]
    if not read or not write:
        raise SystemExit("the Kinesis policy templates no longer have a statement on one stream")
    form = "%{Destination.Arn}"
    return {"arn": arn, "forms": FORM_TYPES["AWS::Kinesis::Stream"],
            "access": {"Read": [{"Action": read, "Resource": [form]}], "Write": [{"Action": write, "Resource": [form]}]}}


def iam_actions(profiles):
    """The IAM actions of the profiles' services, lower case (IAM compares them without case), each with the
    resource types it applies to, from cfn-lint's list."""
    policies = json.loads((Path(AdditionalSpecs.__file__).parent / "Policies.json").read_text())
    out = {}
    for dest, profile in profiles.items():
        svc = next(iter(profile["access"].values()))[0]["Action"][0].split(":")[0]
        missing = set(profile["forms"].values()) - set(policies[svc]["Resources"])
        if missing:
            raise SystemExit(f"{dest}: IAM's {svc} has no resource type {sorted(missing)}")
        out[svc] = {name: sorted(a.get("Resources", [])) for name, a in sorted(policies[svc]["Actions"].items())}
    return dict(sorted(out.items()))


def main():
    types = {name: cfn_type(name) for name in sorted(PROVIDER_SCHEMA_MANAGER.get_resource_types(REGION))}
    types.update(sam_types(types))
    runtimes = json.loads((Path(AdditionalSpecs.__file__).parent / "LmbdRuntimeLifecycle.json").read_text())
    known = types["AWS::Lambda::Function"]["p"]["Runtime"]
    lifecycle = {"known": known.get("e", []) if isinstance(known, dict) else [], "lifecycle": runtimes}
    versions = f"cfn-lint {importlib.metadata.version('cfn-lint')}, aws-sam-translator " \
               f"{importlib.metadata.version('aws-sam-translator')}"
    sam = Path(samtranslator.__file__).parent
    templates = json.loads((sam / "policy_templates_data" / "policy_templates.json").read_text())["Templates"]
    policy_templates = {name: sorted(t.get("Parameters", {})) for name, t in templates.items()}
    managed = sorted(json.loads((sam / "internal" / "data" / "aws_managed_policies.json").read_text())["aws"])
    lines = [f"# generated by tools/gen_resource_specs.py from {versions} ({REGION}); do not edit",
             "runtimes\t" + json.dumps(lifecycle, separators=(",", ":"), sort_keys=True),
             "policy-templates\t" + json.dumps(policy_templates, separators=(",", ":"), sort_keys=True),
             "managed-policies\t" + json.dumps(managed, separators=(",", ":")),
             "globals\t" + json.dumps(sam_globals(), separators=(",", ":")),
             "connectors\t" + json.dumps(connector_profiles(), separators=(",", ":"), sort_keys=True)]
    lines.append("iam-actions\t" + json.dumps(iam_actions(connector_profiles()), separators=(",", ":")))
    lines += [f"{name}\t{json.dumps(spec, separators=(',', ':'))}" for name, spec in sorted(types.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(types)} resource types, {OUT.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
