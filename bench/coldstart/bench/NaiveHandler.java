package bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Preprocess as it is commonly written: all three SDK clients built eagerly with the default provider
 * chains, then an item written and a URL presigned.
 */
public class NaiveHandler implements RequestStreamHandler {
  private final S3Client s3 = S3Client.create();
  private final DynamoDbClient dynamo = DynamoDbClient.create();
  private final S3Presigner presigner = S3Presigner.create();

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    in.readAllBytes();
    String id = java.util.UUID.randomUUID().toString();
    dynamo.putItem(b -> b.tableName(System.getenv("FILES_TABLE_NAME")).item(java.util.Map.of("id", AttributeValue.fromS(id))));
    String url = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofHours(1))
        .putObjectRequest(o -> o.bucket(System.getenv("STORAGE_BUCKET_NAME")).key(id))).url().toString();
    out.write(("{\"statusCode\": 200, \"body\": \"" + url + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
