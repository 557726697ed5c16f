package dev.stratus.processor;

/**
 * The catalogue of what the processor reports beyond the template rules of
 * {@link dev.stratus.template.Problem.Rule}. Each has a stable tag ({@code [StratusHandlerNotPublic]})
 * that users can search and tests can pin; messages state the rule, the bad value and the fix.
 */
enum Diagnostic {
  HandlerNotAClass("@CfFunction goes on a handler class, not on %s"),
  HandlerNotPublic("handler class %s must be public: Lambda instantiates it by reflection; add 'public'"),
  HandlerAbstract("handler class %s must not be abstract: Lambda instantiates it; remove 'abstract' or annotate a concrete subclass"),
  HandlerInnerClass("handler class %s is an inner class; Lambda cannot instantiate it: make it 'static' or a top-level class"),
  HandlerNoPublicConstructor("handler class %s needs a public no-argument constructor: Lambda calls it; add 'public %s() {}'"),
  HandlerMethodNotAccessible("handleRequest of %s is declared in %s, which is not public: Lambda calls it by reflection"
      + " and cannot; make %s public or override handleRequest in %s"),
  HandlerNotAHandler("handler class %s implements neither RequestHandler nor RequestStreamHandler (com.amazonaws.services"
      + ".lambda.runtime, from aws-lambda-java-core); implement one of them"),
  EventTypeMismatch("@%s delivers %s, but %s takes %s: take %s instead, or a Map or RequestStreamHandler to accept"
      + " several kinds of event"),
  EventWithoutFunction("@%s needs @CfFunction on the same class: events belong to a function"),
  YamlSyntax("%s does not parse as YAML: %s"),
  NotAMapping("%s must be a YAML mapping (key: value lines), e.g. %s"),
  NotACondition("a condition must be a condition function (!Equals, !Not, !And, !Or or !Condition); got %s"),
  InvalidValue("%s"),
  InvalidEventName("event name '%s' is not valid: use letters and digits only, e.g. '%s'"),
  DuplicateEventName("event name '%s' is used twice on this function; set a distinct name = \"...\""),
  BaseTemplate("the base template cannot be read: %s"),
  InternalError("this is a bug in Stratus, please report it with this message: %s");

  private final String format;

  Diagnostic(String format) {
    this.format = format;
  }

  String tag() {
    return "[Stratus" + name() + "]";
  }

  String format(Object... args) {
    return tag() + " " + String.format(format, args);
  }
}
