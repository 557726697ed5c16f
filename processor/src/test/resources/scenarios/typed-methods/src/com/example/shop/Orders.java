package com.example.shop;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.OnEventBridgeRule;
import dev.stratus.runtime.BusEvent;
import java.util.ArrayList;
import java.util.List;

/** Typed methods of EventBridge rules: the detail as a record, in its envelope, as text, or the whole event. */
@CfResource(logicalId = "OrdersBus", type = "AWS::Events::EventBus", properties = "Name: shop-orders")
public class Orders {
  /** What the methods saw, for the tests. */
  public final List<String> seen = new ArrayList<>();

  public record Order(String id, int total) {}

  @CfFunction
  @OnEventBridgeRule(bus = "OrdersBus", pattern = """
      source: [shop.orders]
      detail-type: [OrderPlaced]
      detail:
        total: [{numeric: [">=", 100]}]
      """)
  public void bigOrder(BusEvent<Order> event) {
    seen.add("big " + event.detail().id() + " " + event.detail().total() + " from " + event.source() + " "
        + event.detailType());
  }

  @CfFunction
  @OnEventBridgeRule(bus = "OrdersBus", pattern = "{\"detail-type\": [\"OrderCancelled\"]}")
  public void cancelled(Order order) {
    seen.add("cancelled " + order.id());
  }

  @CfFunction
  @OnEventBridgeRule(pattern = """
      source: [{prefix: shop.}]
      """)
  public void audit(BusEvent<String> event) {
    seen.add("audit " + event.detail());
  }

  @CfFunction
  @OnEventBridgeRule(pattern = "{source: [aws.ec2]}")
  public void instances(ScheduledEvent event) {
    seen.add("ec2 " + event.getDetail().get("state"));
  }
}
