package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;

/** {@code POST /file {"name"}} → {@code {id, url}}: registers a file and answers where to PUT it. Public. */
@CfFunction(
    description = "Registers an upload and answers a presigned PUT URL",
    policies = """
        Statement:
          - Effect: Allow
            Action: dynamodb:PutItem
            Resource: !GetAtt FilesTable.Arn
          - Effect: Allow
            Action: s3:PutObject
            Resource: !Sub arn:${AWS::Partition}:s3:::${StorageBucketName}/*
        """)
@ApiRoute(path = "/file", method = "POST", api = "FilestoreApi")
public class PreprocessHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final FileService service;

  public PreprocessHandler() {
    this(Filestore.service());
  }

  PreprocessHandler(FileService service) {
    this.service = service;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return Http.respond(() -> service.preprocess(Http.name(event)));
  }
}
