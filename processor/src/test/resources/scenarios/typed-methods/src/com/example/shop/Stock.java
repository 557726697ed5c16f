package com.example.shop;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.OnDynamoDbStream;
import dev.stratus.runtime.TableChange;
import java.util.ArrayList;
import java.util.List;

/** Typed methods of a DynamoDB stream: each change with its images as a record or as text, or the whole event. */
@CfResource(logicalId = "StockTable", type = "AWS::DynamoDB::Table", properties = """
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions: [{AttributeName: sku, AttributeType: S}]
    KeySchema: [{AttributeName: sku, KeyType: HASH}]
    StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
    """)
public class Stock {
  /** What the methods saw, for the tests. */
  public final List<String> seen = new ArrayList<>();

  public record Item(String sku, int count) {}

  @CfFunction
  @OnDynamoDbStream(table = "StockTable", batchSize = 50)
  public void changed(TableChange<Item> change) {
    int before = change.oldImage().map(Item::count).orElse(0);
    int after = change.newImage().map(Item::count).orElse(0);
    if (after < 0) {
      throw new IllegalStateException("negative stock of " + change.keys().get("sku"));
    }
    seen.add(change.eventName() + " " + change.keys().get("sku") + " " + before + "->" + after);
  }

  @CfFunction
  @OnDynamoDbStream(table = "StockTable", startingPosition = "TRIM_HORIZON", maximumRetryAttempts = 2)
  public void audit(TableChange<String> change) {
    seen.add("audit " + change.newImage().orElse("gone"));
  }

  @CfFunction
  @OnDynamoDbStream(table = "StockTable")
  public void whole(DynamodbEvent event) {
    seen.add("records " + event.getRecords().size());
  }
}
