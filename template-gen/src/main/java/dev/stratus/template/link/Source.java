package dev.stratus.template.link;

import dev.stratus.template.Template;

/** A template to link and where it came from ({@code "src/main/cloudformation/template.yaml"}, a class name). */
public record Source(String name, Template template) {}
