package dev.stratus.processor;

import dev.stratus.template.Template;
import java.util.List;
import java.util.Map;

/**
 * What one annotated type (or package) declares: its part of the template, for each path in it the
 * annotation that declared it, its functions' {@code @Use}s, derived once every part is known, and the stream
 * images its methods read and its route parameters bound to what an authorizer passes on, checked then.
 */
record TypeFragment(String binaryName, Origin owner, Template template, Map<List<String>, Origin> origins,
    List<UseRequest> uses, List<StreamImages> streamImages, List<FunctionReader.AuthBinding> authBindings) {}
