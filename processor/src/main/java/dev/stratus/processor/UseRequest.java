package dev.stratus.processor;

import dev.stratus.template.connect.Use;

/**
 * A function's {@code @Use} as read, the package of the type that declares it (where its accessor goes), and
 * where it was written, until the whole template is known.
 */
record UseRequest(String function, Use use, String packageName, Origin at) {}
