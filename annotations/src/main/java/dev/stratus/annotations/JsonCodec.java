package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks Stratus for a JSON codec of this record or bean even when no typed handler method takes or returns
 * it: for messages a handler sends or reads itself (an SQS body, an S3 object, an SNS message), through
 * {@code dev.stratus.runtime.Json}:
 *
 * <pre>{@code
 * @JsonCodec
 * public record OrderPlaced(String orderId, Instant placedAt) {}
 *
 * sqs.sendMessage(b -> b.queueUrl(queue).messageBody(Json.write(new OrderPlaced(id, now))));
 * OrderPlaced event = Json.read(message.getBody(), OrderPlaced.class);
 * }</pre>
 *
 * The codec is generated code, without reflection, named {@code <Type>_Codec} in the type's package
 * ({@code Outer_Inner_Codec} for a nested type); the records and beans it refers to get theirs too. The type
 * must be one a typed method could take: a public record, or a public class with a public no-argument
 * constructor, getters and setters; anything else is a compile error on it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JsonCodec {}
