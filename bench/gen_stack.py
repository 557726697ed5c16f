#!/usr/bin/env python3
"""Writes the synthetic stack of N functions that every benchmark here uses, as Stratus-annotated Java.

Function i: a handler with an environment variable that Refs table i % T and a DynamoDBCrudPolicy on it,
and one event by i % 3: an API route GET /r{i}, a schedule rate({i % 50 + 1} minutes), or the queue i % T;
T = max(1, N // 10) tables and as many queues; two parameters and an output. bench/cdk/synth.js builds the
same stack with AWS CDK.

usage: python3 bench/gen_stack.py N OUT_DIR
"""
import sys
from pathlib import Path


def tables(n):
    return max(1, n // 10)


def handler(i, t):
    event = [
        f'@ApiRoute(path = "/r{i}", method = "GET")',
        f'@OnSchedule("rate({i % 50 + 1} minute{"s" if i % 50 else ""})")',
        f'@OnSqsMessage(queue = "Queue{i % t}", batchSize = 10)',
    ][i % 3]
    return f"""package bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stratus.annotations.*;
import java.util.Map;

@CfFunction(
    memorySize = 512,
    environment = @Env(name = "TABLE", value = "!Ref Table{i % t}"),
    policies = "DynamoDBCrudPolicy: {{TableName: !Ref Table{i % t}}}")
{event}
public class Handler{i} implements RequestHandler<Map<String, Object>, String> {{
  @Override
  public String handleRequest(Map<String, Object> input, Context context) {{
    return "ok";
  }}
}}
"""


def resources(n):
    t = tables(n)
    lines = ["package bench;", "", "import dev.stratus.annotations.*;", "",
             '@CfParameter(name = "Stage", defaultValue = "dev", allowedValues = {"dev", "prod"})',
             '@CfParameter(name = "RetentionDays", type = "Number", defaultValue = "345600")',
             '@CfOutput(name = "StageName", value = "!Ref Stage")']
    for k in range(t):
        lines.append(f'@CfResource(logicalId = "Table{k}", type = "AWS::DynamoDB::Table", properties = """\n'
                     f'    BillingMode: PAY_PER_REQUEST\n'
                     f'    AttributeDefinitions: [{{AttributeName: id, AttributeType: S}}]\n'
                     f'    KeySchema: [{{AttributeName: id, KeyType: HASH}}]\n'
                     f'    """)')
        lines.append(f'@CfResource(logicalId = "Queue{k}", type = "AWS::SQS::Queue", properties = '
                     f'"MessageRetentionPeriod: !Ref RetentionDays")')
    lines += ["final class Resources {", "  private Resources() {}", "}", ""]
    return "\n".join(lines)


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    n, out = int(argv[0]), Path(argv[1]) / "bench"
    out.mkdir(parents=True, exist_ok=True)
    t = tables(n)
    for i in range(n):
        (out / f"Handler{i}.java").write_text(handler(i, t), encoding="utf-8")
    (out / "Resources.java").write_text(resources(n), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
