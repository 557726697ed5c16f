#!/usr/bin/env python3
"""Writes the synthetic stack of N functions that every benchmark here uses, as Stratus-annotated Java.

Function i: a handler with an environment variable that Refs table i % T and a DynamoDBCrudPolicy on it,
and one event by i % 3: an API route GET /r{i}, a schedule rate({i % 50 + 1} minutes), or the queue i % T;
T = max(1, N // 10) tables and as many queues; two parameters and an output. bench/cdk/synth.js builds the
same stack with AWS CDK.

With --typed, the same N functions as typed methods, ten to a class: by turns a GET route with a path and a
query parameter, a POST route with a JSON body, and an SQS method taking one message; each returns or takes
the record Item, so the processor generates a handler and codecs for each.

With --uses, each handler declares @Use(value = "Table{i % T}", access = {READ, WRITE}) instead of the
environment variable and the policy template: the processor derives the statements and the variable, and
writes the package's StackResources.

usage: python3 bench/gen_stack.py [--typed | --uses] N OUT_DIR
"""
import sys
from pathlib import Path


def tables(n):
    return max(1, n // 10)


def handler(i, t, uses=False):
    declared = (f'@CfFunction(memorySize = 512)\n@Use(value = "Table{i % t}", access = {{Access.READ, Access.WRITE}})'
                if uses else
                f'@CfFunction(\n'
                f'    memorySize = 512,\n'
                f'    environment = @Env(name = "TABLE", value = "!Ref Table{i % t}"),\n'
                f'    policies = "DynamoDBCrudPolicy: {{TableName: !Ref Table{i % t}}}")')
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

{declared}
{event}
public class Handler{i} implements RequestHandler<Map<String, Object>, String> {{
  @Override
  public String handleRequest(Map<String, Object> input, Context context) {{
    return "ok";
  }}
}}
"""


def typed_method(i, t):
    common = (f'  @CfFunction(memorySize = 512, environment = @Env(name = "TABLE", value = "!Ref Table{i % t}"),\n'
              f'      policies = "DynamoDBCrudPolicy: {{TableName: !Ref Table{i % t}}}")\n')
    return common + [
        f'  @ApiRoute(path = "/r{i}/{{id}}", method = "GET")\n'
        f'  public Item get{i}(@Path("id") long id, @Query("q") Optional<String> q) {{\n'
        f'    return new Item(id, q.orElse("none"), List.of());\n  }}\n',
        f'  @ApiRoute(path = "/r{i}", method = "POST")\n'
        f'  public Response<Item> create{i}(@Body Item item) {{\n'
        f'    return Response.created(item);\n  }}\n',
        f'  @OnSqsMessage(queue = "Queue{i % t}", batchSize = 10)\n'
        f'  public void work{i}(Item item, Context context) {{}}\n',
    ][i % 3]


def typed_class(k, n, t):
    methods = "\n".join(typed_method(i, t) for i in range(k * 10, min(n, k * 10 + 10)))
    return f"""package bench;

import com.amazonaws.services.lambda.runtime.Context;
import dev.stratus.annotations.*;
import dev.stratus.runtime.Response;
import java.util.List;
import java.util.Optional;

public class Api{k} {{
{methods}}}
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
    typed = argv[:1] == ["--typed"]
    uses = argv[:1] == ["--uses"]
    argv = argv[1:] if typed or uses else argv
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    n, out = int(argv[0]), Path(argv[1]) / "bench"
    out.mkdir(parents=True, exist_ok=True)
    t = tables(n)
    if typed:
        for k in range((n + 9) // 10):
            (out / f"Api{k}.java").write_text(typed_class(k, n, t), encoding="utf-8")
        (out / "Item.java").write_text("package bench;\n\nimport java.util.List;\n\n"
                                       "public record Item(long id, String name, List<String> tags) {}\n")
    else:
        for i in range(n):
            (out / f"Handler{i}.java").write_text(handler(i, t, uses), encoding="utf-8")
    (out / "Resources.java").write_text(resources(n), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
