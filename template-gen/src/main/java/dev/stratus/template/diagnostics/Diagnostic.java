package dev.stratus.template.diagnostics;

import static dev.stratus.template.diagnostics.Severity.ERROR;
import static dev.stratus.template.diagnostics.Severity.WARNING;

/**
 * Every message Stratus gives, in one place: the processor's, the template checks' and the linker's. Each
 * has a stable id, shown as a tag ({@code [StratusUnknownReference]}) that users can search; several
 * messages may share an id when they are one mistake in different places. Formats state the rule, the bad
 * value and the fix; callers pass only the values. {@code docs/diagnostics.md} is generated from this list.
 */
public enum Diagnostic {
  // --- handler classes ---
  HandlerNotAClass(ERROR, "@CfFunction goes on a handler class, not on %s"),
  HandlerNotPublic(ERROR, "handler class %s must be public: Lambda instantiates it by reflection; add 'public'"),
  HandlerAbstract(ERROR, "handler class %s must not be abstract: Lambda instantiates it; remove 'abstract' or annotate"
      + " a concrete subclass"),
  HandlerInnerClass(ERROR, "handler class %s is an inner class; Lambda cannot instantiate it: make it 'static' or a"
      + " top-level class"),
  HandlerNoPublicConstructor(ERROR, "handler class %s needs a public no-argument constructor: Lambda calls it; add"
      + " 'public %s() {}'"),
  HandlerMethodNotAccessible(ERROR, "handleRequest of %s is declared in %s, which is not public: Lambda calls it by"
      + " reflection and cannot; make %s public or override handleRequest in %s"),
  HandlerNotAHandler(ERROR, "handler class %s implements neither RequestHandler nor RequestStreamHandler"
      + " (com.amazonaws.services.lambda.runtime, from aws-lambda-java-core); implement one of them"),

  // --- typed handler methods ---
  TypedMethodNotPublic("TypedMethod", ERROR, "typed handler method %s must be public: the generated handler calls it;"
      + " add 'public'"),
  TypedMethodGeneric("TypedMethod", ERROR, "typed handler method %s must not be generic: the generated handler cannot"
      + " choose %s; use concrete types"),
  TypedMethodThrows("TypedMethod", ERROR, "typed handler method %s declares 'throws %s', which the generated handler"
      + " cannot catch; declare Exception or a subclass of it"),
  TypedMethodOwner("TypedMethod", ERROR, "typed handler method %s is in %s, which the generated handler cannot %s"),
  TypedMethodOverloaded("TypedMethod", ERROR, "%s has two typed handler methods named %s; their Lambda handlers"
      + " would both be %s: rename one"),
  TypedMethodWithoutEvent("TypedMethod", ERROR, "typed handler method %s needs an event: add one of %s"),
  TypedMethodEvent("TypedMethod", ERROR, "@%s on typed handler method %s: %s"),
  UnboundParameter("ParameterBinding", ERROR, "parameter '%s' of %s is bound to nothing: annotate it with @Path, @Query,"
      + " @Header or @Body, or take a Context"),
  ConflictingBindings("ParameterBinding", ERROR, "parameter '%s' has both @%s and @%s: a parameter takes one value;"
      + " keep one"),
  DuplicateBinding("ParameterBinding", ERROR, "parameter '%s' binds %s, which parameter '%s' binds already; bind each"
      + " value once"),
  UnsupportedParameterType("ParameterBinding", ERROR, "parameter '%s' cannot be bound from %s: %s; %s takes %s"),
  RawEnvelope("ParameterBinding", ERROR, "parameter '%s' is a raw %s: say what its %s is, as %s<String> or"
      + " %s<YourType>"),
  UnsupportedReturnType("ParameterBinding", ERROR, "%s cannot be answered: %s; return void, a value, Optional<T>,"
      + " byte[] or Response<T>, where T is one of %s"),
  UnboundPathVariable("ParameterBinding", ERROR, "path variable {%s} of '%s' is bound to no parameter: add"
      + " @Path(\"%s\") String %s"),
  PathParameterNotInPath("ParameterBinding", ERROR, "@Path(\"%s\") names no variable of '%s'; its variables: %s"),
  InvalidDefaultValue("ParameterBinding", ERROR, "defaultValue '%s' of parameter '%s' %s"),
  BodyOnReadRoute(WARNING, "@Body on a %s route: clients, proxies and caches may drop the body of a %s request; use"
      + " POST, PUT or PATCH, or take @Query parameters"),

  // --- JSON of records and beans ---
  DuplicateJsonName(ERROR, "properties %s and %s of %s are both \"%s\" in JSON, so a reader could not tell them"
      + " apart; give one another name with @JsonName(\"...\")"),
  InvalidJsonName(ERROR, "@JsonName on property %s of %s is empty; a JSON member needs a name: write one, or remove"
      + " @JsonName to keep \"%s\""),
  ConflictingJsonNames("InvalidJsonName", ERROR, "property %s of %s is named \"%s\" on its %s and \"%s\" on its %s;"
      + " name it once"),
  InvalidJsonCodecType(ERROR, "@JsonCodec on %s: %s; Stratus generates codecs of public records and of public"
      + " classes with a public no-argument constructor, getters and setters"),

  // --- resource connections ---
  UseWithoutFunction(ERROR, "@Use needs @CfFunction on the same %s: a use grants a function access"),
  UnknownUseResource(ERROR, "@Use names '%s', which is no resource of the template%s; declare it with @CfResource"
      + " or in the base template"),
  UseTypeNotCovered(ERROR, "@Use(\"%s\"): Stratus cannot grant access to %s resources; it grants access to %s; write that"
      + " policy in policies instead"),
  UseAccessNotOffered(ERROR, "@Use(\"%s\"): %s offers a function no %s access, only %s; or name the actions, e.g."
      + " actions = \"%s\""),
  UseWithoutAccess(ERROR, "@Use(\"%s\") grants nothing: give access = Access.READ, Access.WRITE or both, or"
      + " actions, e.g. actions = \"%s\""),
  UseActionOfAnotherService("UnknownUseAction", ERROR, "@Use(\"%s\"): '%s' is not a %s action; %s takes %s:"
      + " actions"),
  UnknownUseAction(ERROR, "@Use(\"%s\"): '%s' is not an IAM action%s"),
  UseActionNotOnResource(ERROR, "@Use(\"%s\"): '%s' %s, so a use of this %s cannot grant it; write that"
      + " statement in policies, with the ARN it takes"),
  UseObjectsNotABucket(ERROR, "@Use(\"%s\"): objects narrows the keys of a bucket, and %s is of type %s; remove it"),
  UseNotificationCycle(ERROR, "@Use(\"%s\"): the bucket notifies %s, so the function cannot name it by its ARN (a"
      + " circular dependency); give the bucket a BucketName (a !Ref to a parameter, as Filestore's"
      + " StorageBucketName) and the use names it by that"),
  UseOfParameterWithoutType(ERROR, "@Use(\"%s\"): %s is a parameter, so it names a resource outside the stack;"
      + " say which kind with type, one of %s"),
  UseTypeOfAResource(ERROR, "@Use(\"%s\"): type is for a parameter that names a resource outside the stack, and"
      + " %s is the template's own %s; remove type"),
  UseOfConditionalResource(ERROR, "@Use(\"%s\"): the resource exists only when condition %s holds, and %s; give the"
      + " function condition = \"%s\" as well, or use a resource that always exists"),
  AccessorWithoutUse(WARNING, "%s reads StackResources.%s but does not @Use it, so it gets neither its variable nor"
      + " its permissions; add @Use(value = \"%s\", …) to the function"),
  PolicyRepeatsUse(WARNING, "the policy grants %s on %s, which @Use(\"%s\") gives already; remove it from the"
      + " policy"),
  PolicyBeyondUse(WARNING, "the policy grants %s on %s beyond @Use(\"%s\"); add it to the use, e.g."
      + " actions = {%s}, and remove it from the policy, so that the use says all the function may do there"),

  // --- functions: Lambda's own limits ---
  InvalidMemorySize(ERROR, "memorySize %d is out of range: Lambda allows %d to %d MB; leave it out to inherit the"
      + " default"),
  InvalidTimeout(ERROR, "timeout %d is out of range: Lambda allows %d to %d seconds; leave it out to inherit the"
      + " default"),
  InvalidArchitecture(ERROR, "architecture '%s' is not one Lambda offers: use %s"),
  InvalidUrlAuthType(ERROR, "authType '%s' is not one a function URL takes: write NONE (anyone may call it) or"
      + " AWS_IAM (callers sign their requests with SigV4)"),
  InvalidEnvironmentName(ERROR, "environment variable name '%s' is not valid: Lambda takes a letter, then letters,"
      + " digits or '_' (at least 2 characters)"),
  DuplicateEnvironmentVariable(ERROR, "environment variable '%s' is set twice; keep one"),
  InvalidRuntime(ERROR, "'%s' is not a Lambda runtime%s"),
  RetiredRuntime("InvalidRuntime", ERROR, "Lambda no longer creates functions on '%s' (since %s)%s"),
  DeprecatedRuntime(WARNING, "'%s' is deprecated since %s%s%s"),

  // --- events ---
  EventWithoutFunction(ERROR, "@%s needs @CfFunction on the same %s: events belong to a function"),
  EventTypeMismatch(ERROR, "@%s delivers %s, but %s takes %s: take %s instead, or a Map or RequestStreamHandler to"
      + " accept several kinds of event"),
  InvalidEventName(ERROR, "event name '%s' is not valid: use letters and digits only, e.g. '%s'"),
  DuplicateEventName(ERROR, "event name '%s' is used twice on this function; set a distinct name = \"...\""),
  InvalidHttpMethod("InvalidHttpRoute", ERROR, "'%s' is not an HTTP method; use one of %s"),
  PathWithoutLeadingSlash("InvalidHttpRoute", ERROR, "path '%s' must start with '/', e.g. '/%s'"),
  PathWithTrailingSlash("InvalidHttpRoute", ERROR, "path '%s' must not end with '/'; write '%s'"),
  PathWithEmptySegment("InvalidHttpRoute", ERROR, "path '%s' has an empty segment ('//')"),
  InvalidPathSegment("InvalidHttpRoute", ERROR, "path segment '%s' of '%s' is neither literal text nor a parameter"
      + " like {id}"),
  GreedyPathNotLast("InvalidHttpRoute", ERROR, "greedy parameter %s must be the last segment of '%s'"),
  InvalidRate("InvalidSchedule", ERROR, "'%s' is not a rate expression; write e.g. rate(5 minutes), rate(1 hour) or"
      + " rate(7 days)"),
  ZeroRate("InvalidSchedule", ERROR, "'%s' must be at least 1 %s"),
  RateUnitNumber("InvalidSchedule", ERROR, "'%s' must say rate(%d %s)"),
  InvalidSchedule(ERROR, "'%s' is neither rate(...) nor cron(...); write e.g. rate(30 minutes) or cron(0 12 * * ? *)"),
  InvalidAt("InvalidSchedule", ERROR, "'%s' is not a one-time schedule; write the date and time in the schedule's"
      + " time zone as at(2027-01-31T09:00:00)"),
  AtNeedsScheduler("InvalidSchedule", ERROR, "'%s' runs once, which only EventBridge Scheduler does; make the event"
      + " Type: ScheduleV2 with ScheduleExpression (@OnSchedule does so for at(...))"),
  UnknownTimeZone("InvalidSchedule", ERROR, "time zone '%s' is unknown; write an IANA name such as %s"),
  InvalidEventPattern(ERROR, "the event pattern is not one EventBridge takes%s: %s"),
  CronFieldCount("InvalidSchedule", ERROR, "'%s' has %d fields; EventBridge cron takes 6 (minutes hours day-of-month"
      + " month day-of-week year), e.g. cron(0 12 * * ? *)"),
  CronFieldSyntax("InvalidSchedule", ERROR, "'%s' is not a valid %s field in '%s'"),
  CronFieldRange("InvalidSchedule", ERROR, "%s %d is out of range %d–%d in '%s'"),
  CronDayFields("InvalidSchedule", ERROR, "'%s' must have '?' in exactly one of day-of-month and day-of-week, e.g."
      + " cron(%s)"),
  DuplicateRoute(ERROR, "%s %s on %s is served twice: by %s (event %s) and by %s (event %s); remove one or change"
      + " its method or path"),
  ConflictingPathParameters(ERROR, "%s (%s) and %s (%s) name the same path segment differently; API Gateway takes one"
      + " name per segment: write %s in both"),
  OverlappingRoutes(WARNING, "ANY %s (%s) and %s %s (%s) overlap on %s: API Gateway sends %s to %s and every other"
      + " method to %s; drop one or give them different paths if that is not intended"),
  ApiKeyWithoutUsagePlan(WARNING, "%s requires an API key on %s, but no usage plan serves %s, so no key can call"
      + " it: add an AWS::ApiGateway::UsagePlan with ApiStages [{ApiId: !Ref %s, Stage: …}] and a UsagePlanKey,"
      + " or Auth: {UsagePlan: {CreateUsagePlan: PER_API}} on the API"),
  InvalidBatchSize(ERROR, "batch size %d is out of range: %s takes 1 to %d; leave it out for SAM's default of %d"),
  InvalidStartingPosition(ERROR, "StartingPosition '%s' is not one %s takes: write %s"),
  TableWithoutStream(ERROR, "table '%s' has no stream to read: add to its Properties StreamSpecification:"
      + " {StreamViewType: NEW_AND_OLD_IMAGES} (or NEW_IMAGE, OLD_IMAGE, KEYS_ONLY)"),
  StreamLacksImages(ERROR, "%s reads each change's %s, but table '%s' streams %s, which carries none: set its"
      + " StreamSpecification to {StreamViewType: %s}"),
  SnsBatchSize(ERROR, "SNS invokes a function once per message, so batchSize has no effect here; to take batches,"
      + " subscribe an SQS queue to the topic and use @OnSqsMessage(queue = ..., batchSize = %d)"),
  InvalidEventSource(ERROR, "%s '%s' is %s, not %s%s"),
  S3BucketNotInTemplate("InvalidEventSource", ERROR, "an S3 event's Bucket must be !Ref to an AWS::S3::Bucket declared"
      + " in this template (SAM requires it)"),
  FunctionWithoutEvents(WARNING, "%s has no event nor URL, so nothing invokes it but a direct call; add an event"
      + " annotation if that is not intended"),
  MixedApiKinds(WARNING, "%s is behind both a REST API (@ApiRoute) and an HTTP API (@HttpApiRoute), which send"
      + " different event shapes; pick one"),

  // --- authorizers ---
  UnknownAuthorizer("Authorizer", ERROR, "no authorizer is named '%s'%s; %s the name of a @JwtAuthorizer,"
      + " @CognitoAuthorizer or @Authorizer, \"AWS_IAM\" or \"NONE\""),
  JwtAuthorizerOnRestApi("Authorizer", ERROR, "JWT authorizer '%s' guards HTTP APIs only, and %s is a REST API's"
      + " route: guard it with a @CognitoAuthorizer (a user pool) or an @Authorizer, or make it an @HttpApiRoute"),
  CognitoAuthorizerOnHttpApi("Authorizer", ERROR, "Cognito authorizer '%s' guards REST APIs only, and %s is an HTTP"
      + " API's route: declare the user pool as @JwtAuthorizer(issuer = \"https://cognito-idp.<region>.amazonaws.com/"
      + "<pool id>\", audience = \"<app client id>\")"),
  ScopesWithoutOAuthAuthorizer("Authorizer", ERROR, "scopes on %s need a JWT or Cognito authorizer, and %s: remove"
      + " scopes, or guard the route with such an authorizer"),
  AuthorizerDefinedTwice("Authorizer", ERROR, "authorizer '%s' is declared by an annotation and in %s/Auth/Authorizers;"
      + " rename one"),
  AuthorizerMethod("Authorizer", ERROR, "@Authorizer method %s %s"),
  InvalidAuthorizerTtl("Authorizer", ERROR, "ttl %d of authorizer '%s' is outside 0..3600: API Gateway caches an"
      + " answer for at most an hour (0 caches nothing)"),
  ClaimWithoutTokenAuthorizer("Authorizer", ERROR, "@Claim(\"%s\") on %s reads the caller's verified token, and %s"
      + " has %s: guard the route with a @JwtAuthorizer or @CognitoAuthorizer, or read an @Authorizer's context"
      + " with @AuthContext"),
  AuthContextWithoutLambdaAuthorizer("Authorizer", ERROR, "@AuthContext(\"%s\") on %s reads what an @Authorizer"
      + " method returned, and %s has %s: guard the route with an @Authorizer, or read a token's claims with @Claim"),
  UnusedAuthorizer(WARNING, "authorizer '%s' guards no route: name it in a route's authorizer, or in"
      + " @DefaultAuthorizer"),

  // --- names and references ---
  DuplicateId(ERROR, "'%s' is defined twice in %s: in %s and in %s; rename one or remove the other"),
  DuplicateOnElement("DuplicateId", ERROR, "%s '%s' is declared twice on this element; rename one or remove the other"),
  InvalidId(ERROR, "'%s' is not a valid name: use 1 to 255 letters and digits only, e.g. '%s'"),
  UnknownReference(ERROR, "%s names no parameter, resource or pseudo parameter of the template%s"),
  UnknownGetAttResource("UnknownReference", ERROR, "%s names no resource of the template%s"),
  UnknownDependsOn("UnknownReference", ERROR, "DependsOn '%s' names no resource%s"),
  UnknownMapping("UnknownReference", ERROR, "!FindInMap names no mapping '%s'%s"),
  UnknownAttribute(ERROR, "%s: %s has no attribute '%s'%s; it has %s"),
  NoAttributes("UnknownAttribute", ERROR, "%s: %s has no attributes"),
  UnknownCondition(ERROR, "condition '%s' is not defined%s"),
  UnknownConditionNoneDeclared("UnknownCondition", ERROR, "condition '%s' is not defined; declare it with @CfCondition"
      + " or in the base template"),
  InvalidReference(ERROR, "%s: a condition may only refer to parameters and pseudo parameters%s"),
  ConditionalReference(ERROR, "%s refers to a resource that exists only when %s holds; give this the same condition"
      + " or wrap the reference in !If [%s, …, !Ref AWS::NoValue]"),
  NotACondition(ERROR, "a condition must be a condition function (!Equals, !Not, !And, !Or or !Condition); got '%s'"),
  InvalidDeletionPolicy(ERROR, "deletionPolicy '%s' is not one of Delete, Retain, RetainExceptOnCreate, Snapshot"),
  InvalidUpdateReplacePolicy(ERROR, "updateReplacePolicy '%s' is not one of Delete, Retain, Snapshot"),
  DefaultNotAllowed(ERROR, "defaultValue '%s' is not among allowedValues %s"),

  // --- policies ---
  UnknownPolicyTemplate(ERROR, "'%s' is not a SAM policy template%s; a policy is a policy template such as"
      + " {DynamoDBCrudPolicy: {TableName: !Ref Table}}, a managed policy name or ARN, or a statement document"
      + " {Statement: [...]}"),
  PolicyTemplateAsName("InvalidPolicyTemplate", ERROR, "'%s' is a SAM policy template, not a managed policy: write"
      + " {%s: {%s}}"),
  PolicyParametersNotAMapping("InvalidPolicyTemplate", ERROR, "%s takes its parameters as a mapping: write {%s: {%s}}"),
  MissingPolicyParameter("InvalidPolicyTemplate", ERROR, "%s needs parameter %s: write {%s: {%s}}"),
  UnknownPolicyParameter("InvalidPolicyTemplate", ERROR, "%s has no parameter '%s'%s; it takes %s"),
  InvalidPolicyParameter("InvalidPolicyTemplate", ERROR, "parameter %s of %s must be a name or an intrinsic function"
      + " (!Ref, !Sub, …); got %s"),
  UnknownManagedPolicy(WARNING, "'%s' is not an AWS managed policy SAM knows%s; name your own policy by its ARN"),
  InvalidPolicyStatement("InvalidPolicyDocument", ERROR, "a policy statement needs %s"),
  InvalidPolicyEffect("InvalidPolicyDocument", ERROR, "Effect '%s' is neither Allow nor Deny"),
  UnknownPolicyStatementKey("InvalidPolicyDocument", ERROR, "a policy statement has no key '%s'%s; it has Sid, Effect,"
      + " Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition"),
  InvalidPolicyDocument(ERROR, "Statement must be a list of statements or one statement mapping; got %s"),

  // --- the graph ---
  DependencyCycle(ERROR, "circular dependency: %s; remove one of these references"),
  NotificationCycle("DependencyCycle", ERROR, "circular dependency: %s; the bucket notifies a function that refers to"
      + " it: name the bucket from a parameter (BucketName: !Ref BucketNameParameter) and refer to the parameter in"
      + " the function's policies and environment"),
  UnusedParameter(WARNING, "parameter '%s' is never referenced; remove it or use it with !Ref %s"),
  UnusedResource(WARNING, "resource '%s' is referenced by nothing; if it is meant to stand alone, give it an output"
      + " (@CfOutput) so that it can be found"),

  // --- CloudFormation's knowledge of resource types ---
  UnknownResourceType(ERROR, "unknown resource type '%s'; did you mean %s?"),
  UnknownResourceTypeNoneClose("UnknownResourceType", ERROR, "unknown resource type '%s'; see the CloudFormation"
      + " resource type reference"),
  UnknownProperty(ERROR, "%s has no property '%s'%s%s"),
  MissingProperty(ERROR, "%s needs property '%s'"),
  InvalidPropertyValue(ERROR, "%s '%s' is not one of %s%s"),
  WrongPropertyShape("InvalidPropertyValue", ERROR, "%s must be %s; got %s"),

  // --- the template as a whole ---
  GlobalsWithoutTransform(ERROR, "Globals needs 'Transform: %s'"),
  InvalidGlobals(ERROR, "Globals/%s must be a mapping of properties"),
  UnknownGlobalsSection("InvalidGlobals", ERROR, "Globals has no section '%s'%s; SAM takes %s"),
  UnknownGlobalsProperty("InvalidGlobals", ERROR, "Globals/%s cannot set '%s'%s; SAM applies only %s from there"),
  LimitExceeded(ERROR, "%s has %d entries; CloudFormation allows %d (%d too many): split the stack"),
  RolePolicyTooLarge("LimitExceeded", ERROR, "the role of %s would hold about %d characters of inline policy; IAM"
      + " allows %d per role: give the function fewer uses (or fewer objects), or split it"),
  TemplateTooLarge("LimitExceeded", ERROR, "the template is %d bytes; CloudFormation allows %d (%d too many): split"
      + " the stack"),

  // --- annotation text ---
  YamlSyntax(ERROR, "%s does not parse as YAML: %s"),
  YamlSyntaxAtLine("YamlSyntax", ERROR, "%s does not parse as YAML: line %d of the text: %s"),
  NotAnIntrinsic("YamlSyntax", ERROR, "%s does not parse as YAML: '%s' starts with '!' but is no intrinsic function"),
  NotAMapping(ERROR, "%s must be a YAML mapping (key: value lines), e.g. %s"),
  BaseTemplate(ERROR, "the base template cannot be read: %s"),
  InternalError(ERROR, "this is a bug in Stratus, please report it with this message: %s");

  private final String id;
  private final Severity severity;
  private final String format;

  Diagnostic(Severity severity, String format) {
    this(null, severity, format);
  }

  Diagnostic(String id, Severity severity, String format) {
    this.id = id == null ? name() : id;
    this.severity = severity;
    this.format = format;
  }

  /** The stable id users search for; messages that are one mistake in different places share it. */
  public String id() {
    return id;
  }

  public String tag() {
    return "[Stratus" + id + "]";
  }

  public Severity severity() {
    return severity;
  }

  public String format() {
    return format;
  }

  /** The message with its values, without the tag. */
  public Message with(Object... args) {
    return new Message(this, args);
  }
}
