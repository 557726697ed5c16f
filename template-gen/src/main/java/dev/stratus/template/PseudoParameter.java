package dev.stratus.template;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** CloudFormation's pseudo parameters: names every template may {@code Ref} without declaring them. */
public enum PseudoParameter {
  ACCOUNT_ID("AWS::AccountId"),
  NOTIFICATION_ARNS("AWS::NotificationARNs"),
  NO_VALUE("AWS::NoValue"),
  PARTITION("AWS::Partition"),
  REGION("AWS::Region"),
  STACK_ID("AWS::StackId"),
  STACK_NAME("AWS::StackName"),
  URL_SUFFIX("AWS::URLSuffix");

  private static final Map<String, PseudoParameter> BY_NAME = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(PseudoParameter::refName, Function.identity()));

  private final String refName;

  PseudoParameter(String refName) {
    this.refName = refName;
  }

  /** As templates write it: {@code AWS::Region}. */
  public String refName() {
    return refName;
  }

  public static Optional<PseudoParameter> of(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static boolean isPseudo(String name) {
    return BY_NAME.containsKey(name);
  }
}
