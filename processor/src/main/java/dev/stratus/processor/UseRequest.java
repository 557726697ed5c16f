package dev.stratus.processor;

import dev.stratus.template.connect.Use;

/** A function's {@code @Use} as read, and where it was written, until the whole template is known. */
record UseRequest(String function, Use use, Origin at) {}
