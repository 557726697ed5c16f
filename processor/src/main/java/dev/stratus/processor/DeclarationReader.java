package dev.stratus.processor;

import dev.stratus.annotations.CfCondition;
import dev.stratus.annotations.CfGlobals;
import dev.stratus.annotations.CfOutput;
import dev.stratus.annotations.CfParameter;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.CognitoAuthorizer;
import dev.stratus.annotations.DefaultAuthorizer;
import dev.stratus.annotations.JwtAuthorizer;
import dev.stratus.template.Fn;
import dev.stratus.template.Output;
import dev.stratus.template.Parameter;
import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.auth.AuthorizerDeclaration;
import dev.stratus.template.auth.Authorizers;
import dev.stratus.template.diagnostics.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Reads the declarations that may sit on any type or package: resources, parameters, conditions, outputs,
 * globals, and authorizers (carried in {@code Metadata} until the link step puts them on their APIs).
 */
final class DeclarationReader {
  private static final Set<String> DELETION_POLICIES = Set.of("Delete", "Retain", "RetainExceptOnCreate", "Snapshot");
  private static final Set<String> UPDATE_REPLACE_POLICIES = Set.of("Delete", "Retain", "Snapshot");

  private final Elements elements;
  private final Reporter reporter;
  private final YamlText yaml;

  DeclarationReader(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
    this.yaml = new YamlText(reporter);
  }

  /** Adds what {@code element} declares to {@code out}; a name declared twice here is left to the merge to report. */
  void read(Element element, Template.Builder out, Map<String, Resource> resources, Map<List<String>, Origin> origins) {
    for (AnnotationView r : AnnotationView.all(element, CfResource.class, elements)) {
      String id = r.string("logicalId");
      Mapping properties = yaml.mapping(r.string("properties"), r.at("properties"), "properties of " + id,
          "\"\"\"\n    BucketName: !Sub ${AWS::StackName}-files\n    \"\"\"");
      if (properties == null || putOnce(resources.containsKey(id), r.at("logicalId"), "resource", id)) {
        continue;
      }
      origins.put(List.of("Resources", id), r.at("logicalId"));
      origins.put(List.of("Resources", id, "Properties"), r.at("properties"));
      origins.put(List.of("Resources", id, "Condition"), r.at("condition"));
      origins.put(List.of("Resources", id, "DependsOn"), r.at("dependsOn"));
      Resource resource = Resource.of(r.string("type"), properties).withDependsOn(r.strings("dependsOn"));
      if (!r.string("condition").isEmpty()) {
        resource = resource.withCondition(r.string("condition"));
      }
      String deletion = r.string("deletionPolicy");
      String replace = r.string("updateReplacePolicy");
      if (!deletion.isEmpty() && !DELETION_POLICIES.contains(deletion)) {
        reporter.report(r.at("deletionPolicy"), Diagnostic.InvalidDeletionPolicy, deletion);
      }
      if (!replace.isEmpty() && !UPDATE_REPLACE_POLICIES.contains(replace)) {
        reporter.report(r.at("updateReplacePolicy"), Diagnostic.InvalidUpdateReplacePolicy, replace);
      }
      if (replace.isEmpty() && !deletion.isEmpty()) {
        // UpdateReplacePolicy has no RetainExceptOnCreate; a replaced resource that existed is kept.
        replace = deletion.equals("RetainExceptOnCreate") ? "Retain" : deletion;
      }
      resources.put(id, resource.withPolicies(emptyToNull(deletion), emptyToNull(replace)));
    }

    Set<String> parameters = new java.util.HashSet<>();
    Set<String> conditions = new java.util.HashSet<>();
    Set<String> outputs = new java.util.HashSet<>();
    for (AnnotationView p : AnnotationView.all(element, CfParameter.class, elements)) {
      String name = p.string("name");
      if (putOnce(!parameters.add(name), p.at("name"), "parameter", name)) {
        continue;
      }
      origins.put(List.of("Parameters", name), p.at("name"));
      Parameter parameter = Parameter.of(p.string("type")).withAllowedValues(p.strings("allowedValues"));
      if (!p.string("defaultValue").isEmpty()) {
        parameter = parameter.withDefault(Value.str(p.string("defaultValue")));
        if (!p.strings("allowedValues").isEmpty() && !p.strings("allowedValues").contains(p.string("defaultValue"))) {
          reporter.report(p.at("defaultValue"), Diagnostic.DefaultNotAllowed, p.string("defaultValue"),
              p.strings("allowedValues"));
        }
      }
      if (!p.string("description").isEmpty()) {
        parameter = parameter.withDescription(p.string("description"));
      }
      out.parameter(name, parameter);
    }

    for (AnnotationView c : AnnotationView.all(element, CfCondition.class, elements)) {
      String name = c.string("name");
      Value value = yaml.textOrIntrinsic(c.string("value"), c.at("value"), "condition " + name);
      if (value == null || putOnce(!conditions.add(name), c.at("name"), "condition", name)) {
        continue;
      }
      if (!(value instanceof Fn.Equals || value instanceof Fn.Not || value instanceof Fn.And || value instanceof Fn.Or
          || value instanceof Fn.Condition)) {
        reporter.report(c.at("value"), Diagnostic.NotACondition, c.string("value"));
        continue;
      }
      origins.put(List.of("Conditions", name), c.at("value"));
      out.condition(name, value);
    }

    for (AnnotationView o : AnnotationView.all(element, CfOutput.class, elements)) {
      String name = o.string("name");
      Value value = yaml.textOrIntrinsic(o.string("value"), o.at("value"), "output " + name);
      Value export = o.string("exportName").isEmpty() ? null
          : yaml.textOrIntrinsic(o.string("exportName"), o.at("exportName"), "exportName of " + name);
      if (value == null || !o.string("exportName").isEmpty() && export == null
          || putOnce(!outputs.add(name), o.at("name"), "output", name)) {
        continue;
      }
      origins.put(List.of("Outputs", name), o.at("value"));
      origins.put(List.of("Outputs", name, "Condition"), o.at("condition"));
      out.output(name, new Output(value, emptyToNull(o.string("description")), export, emptyToNull(o.string("condition"))));
    }

    for (AnnotationView g : AnnotationView.all(element, CfGlobals.class, elements)) {
      Mapping globals = yaml.mapping(g.string("value"), g.at("value"), "@CfGlobals",
          "\"\"\"\n    Function:\n      Timeout: 20\n    \"\"\"");
      if (globals != null) {
        origins.put(List.of("Globals"), g.at("value"));
        out.globals(globals);
      }
    }
    authorizers(element, out, origins);
  }

  private void authorizers(Element element, Template.Builder out, Map<List<String>, Origin> origins) {
    Mapping.Builder metadata = Mapping.builder();
    for (AnnotationView j : AnnotationView.all(element, JwtAuthorizer.class, elements)) {
      Value issuer = yaml.textOrIntrinsic(j.string("issuer"), j.at("issuer"), "issuer of " + j.string("name"));
      if (issuer != null) {
        declare(AuthorizerDeclaration.jwt(j.string("name"), issuer, j.strings("audience"), j.string("identitySource")),
            j, metadata, origins);
      }
    }
    for (AnnotationView c : AnnotationView.all(element, CognitoAuthorizer.class, elements)) {
      Value pool = yaml.textOrIntrinsic(c.string("userPoolArn"), c.at("userPoolArn"),
          "userPoolArn of " + c.string("name"));
      if (pool != null) {
        declare(AuthorizerDeclaration.cognito(c.string("name"), pool, c.string("header")), c, metadata, origins);
      }
    }
    for (AnnotationView d : AnnotationView.all(element, DefaultAuthorizer.class, elements)) {
      Map.Entry<String, Value> entry = Authorizers.defaultEntry(d.string("value"), d.string("api"));
      origins.put(List.of("Metadata", entry.getKey()), d.at("value"));
      metadata.put(entry.getKey(), entry.getValue());
    }
    Mapping declared = metadata.build();
    if (!declared.isEmpty()) {
      out.metadata(declared);
    }
  }

  private void declare(AuthorizerDeclaration d, AnnotationView at, Mapping.Builder metadata,
      Map<List<String>, Origin> origins) {
    if (!putOnce(origins.containsKey(List.of("Metadata", d.metadataKey())), at.at("name"), "authorizer", d.name())) {
      origins.put(List.of("Metadata", d.metadataKey()), at.at("name"));
      metadata.put(d.metadataKey(), d.toMetadata());
    }
  }

  /** Reports a name declared twice on one element; true when it was. */
  private boolean putOnce(boolean taken, Origin at, String kind, String name) {
    if (taken) {
      reporter.report(at, Diagnostic.DuplicateOnElement, kind, name);
    }
    return taken;
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
