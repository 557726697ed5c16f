// The stack of bench/gen_stack.py in AWS CDK (plain JavaScript, no network): N functions, each with a
// Ref to a table in its environment, read/write on that table, and one event by i % 3 (API route,
// schedule, queue); N/10 tables and queues. Prints the synth time in seconds.
// usage: node bench/cdk/synth.js N [--no-validation]
const cdk = require('aws-cdk-lib');
const { aws_lambda: lambda, aws_dynamodb: dynamodb, aws_sqs: sqs, aws_apigateway: apigw, aws_events: events,
  aws_events_targets: targets, aws_lambda_event_sources: sources, aws_s3: s3 } = cdk;
const os = require('os');
const path = require('path');

const n = Number(process.argv[2] || 10);
const skipValidation = process.argv.includes('--no-validation');
const start = process.hrtime.bigint();

// Like Stratus's -Astratus.limits=warn: 1,000 functions are over CloudFormation's 500 resources.
const app = new cdk.App({
  outdir: path.join(os.tmpdir(), `cdk-bench-${process.pid}`),
  context: { '@aws-cdk/core:stackResourceLimit': 0 },
});
const stack = new cdk.Stack(app, 'Bench');
const stage = new cdk.CfnParameter(stack, 'Stage', { default: 'dev', allowedValues: ['dev', 'prod'] });
new cdk.CfnOutput(stack, 'StageName', { value: stage.valueAsString });
const code = lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'Artifacts', 'artifacts'), 'app.jar');
const t = Math.max(1, Math.floor(n / 10));
const tables = [];
const queues = [];
for (let k = 0; k < t; k++) {
  tables.push(new dynamodb.Table(stack, `Table${k}`, {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  }));
  queues.push(new sqs.Queue(stack, `Queue${k}`));
}
const api = new apigw.RestApi(stack, 'Api');
for (let i = 0; i < n; i++) {
  const table = tables[i % t];
  const fn = new lambda.Function(stack, `Handler${i}Function`, {
    runtime: lambda.Runtime.JAVA_21, handler: `bench.Handler${i}::handleRequest`, code, memorySize: 512,
    environment: { TABLE: table.tableName },
  });
  table.grantReadWriteData(fn);
  if (i % 3 === 0) {
    api.root.addResource(`r${i}`).addMethod('GET', new apigw.LambdaIntegration(fn));
  } else if (i % 3 === 1) {
    new events.Rule(stack, `Handler${i}Schedule`, {
      schedule: events.Schedule.rate(cdk.Duration.minutes(i % 50 + 1)), targets: [new targets.LambdaFunction(fn)],
    });
  } else {
    fn.addEventSource(new sources.SqsEventSource(queues[i % t], { batchSize: 10 }));
  }
}
app.synth({ skipValidation });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(seconds.toFixed(3));
