package dev.stratus.local;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One call of a function: its payload, and the answer the runtime posts back. */
final class Invocation {
  /** How a call ended: a response, an error the function reported, or no answer in time. */
  enum Outcome { OK, ERROR, TIMEOUT }

  record Result(Outcome outcome, byte[] body) {}

  final String requestId = UUID.randomUUID().toString();
  final byte[] payload;
  /** Completed when the function's runtime takes the call from {@code /invocation/next}. */
  final CompletableFuture<Long> taken = new CompletableFuture<>();
  final CompletableFuture<Result> result = new CompletableFuture<>();

  Invocation(byte[] payload) {
    this.payload = payload;
  }
}
