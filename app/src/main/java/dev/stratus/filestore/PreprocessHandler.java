package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;

/**
 * {@code POST /file {"name", "size"?, "type"?}} → {@code {id, url}}: registers a file and answers where to PUT it.
 * Public.
 */
@CfFunction(
    description = "Registers an upload and answers a presigned PUT URL",
    snapStart = true,
    policies = """
        Statement:
          - Effect: Allow
            Action: dynamodb:PutItem
            Resource: !GetAtt FilesTable.Arn
          - Effect: Allow
            Action: s3:PutObject
            Resource: !Sub arn:${AWS::Partition}:s3:::${StorageBucketName}/uploads/*
        """)
@ApiRoute(path = "/file", method = "POST", api = "FilestoreApi")
public class PreprocessHandler extends ApiFunction {
  public PreprocessHandler() {}

  PreprocessHandler(FileService service) {
    super(service);
  }

  @Override
  Object handle(FileService service, APIGatewayProxyRequestEvent event) {
    return service.preprocess(Http.declared(event));
  }

  @Override
  String sampleBody() {
    return "{\"name\": \"warm-up.txt\"}";
  }
}
