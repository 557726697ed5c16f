package dev.stratus.template.diagnostics;

public enum Severity { ERROR, WARNING }
