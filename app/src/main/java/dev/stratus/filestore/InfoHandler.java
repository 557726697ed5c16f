package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;

/**
 * {@code POST /files [ids]} ({@code ?deleted=yes}, {@code ?nonstored=yes}) → the files, stored ones with a
 * download URL. Needs the API key.
 */
@CfFunction(
    description = "Lists files with download URLs",
    snapStart = true,
    policies = """
        Statement:
          - Effect: Allow
            Action: dynamodb:BatchGetItem
            Resource: !GetAtt FilesTable.Arn
          - Effect: Allow
            Action: s3:GetObject
            Resource: !Sub arn:${AWS::Partition}:s3:::${StorageBucketName}/files/*
        """)
@ApiRoute(path = "/files", method = "POST", apiKeyRequired = true, api = "FilestoreApi")
public class InfoHandler extends ApiFunction {
  public InfoHandler() {}

  InfoHandler(FileService service) {
    super(service);
  }

  @Override
  Object handle(FileService service, APIGatewayProxyRequestEvent event) {
    return service.info(Http.ids(event), Http.flag(event, "deleted"), Http.flag(event, "nonstored"))
        .stream().map(FileItem::toJson).toList();
  }
}
