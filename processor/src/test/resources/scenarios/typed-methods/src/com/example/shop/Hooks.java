package com.example.shop;

import dev.stratus.annotations.Body;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.FunctionUrl;
import dev.stratus.annotations.Header;
import java.util.Optional;

/** A typed method at a function URL of its own: every path and method reach it, bound as an HTTP API's are. */
public class Hooks {
  public record Delivery(String id, String status) {}

  public record Receipt(String id, boolean accepted, String signature) {}

  @CfFunction
  @FunctionUrl(allowOrigins = "https://courier.example")
  public Receipt delivered(@Body Delivery delivery, @Header("x-signature") Optional<String> signature) {
    return new Receipt(delivery.id(), delivery.status().equals("DELIVERED"), signature.orElse("none"));
  }
}
