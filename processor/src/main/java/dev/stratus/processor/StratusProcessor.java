package dev.stratus.processor;

import com.google.auto.service.AutoService;
import dev.stratus.annotations.CfCondition;
import dev.stratus.annotations.CfConditions;
import dev.stratus.annotations.Authorizer;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfGlobals;
import dev.stratus.annotations.CfOutput;
import dev.stratus.annotations.CfOutputs;
import dev.stratus.annotations.CfParameter;
import dev.stratus.annotations.CfParameters;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.CfResources;
import dev.stratus.annotations.CognitoAuthorizer;
import dev.stratus.annotations.CognitoAuthorizers;
import dev.stratus.annotations.DefaultAuthorizer;
import dev.stratus.annotations.DefaultAuthorizers;
import dev.stratus.annotations.FunctionUrl;
import dev.stratus.annotations.JwtAuthorizer;
import dev.stratus.annotations.JwtAuthorizers;
import dev.stratus.annotations.Use;
import dev.stratus.annotations.Uses;
import dev.stratus.processor.glue.AccessorWriter;
import dev.stratus.processor.glue.CodecWriter;
import dev.stratus.processor.glue.CorsOrigin;
import dev.stratus.processor.glue.GlueWriter;
import dev.stratus.processor.glue.JsonType;
import dev.stratus.processor.glue.SampleWriter;
import dev.stratus.processor.glue.TypedMethod;
import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.TemplateException;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.auth.Authorizers;
import dev.stratus.template.connect.Grants;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.link.FragmentFile;
import dev.stratus.template.link.Linker;
import dev.stratus.template.link.Source;
import dev.stratus.template.link.TemplateFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Reads Stratus annotations into one template fragment per annotated type, checks the whole template
 * once every round is over, and writes the fragments only when there is no error. The {@code generate}
 * goal links the fragments into {@code target/template.yaml}.
 */
@AutoService(Processor.class)
public final class StratusProcessor extends AbstractProcessor {
  /** Path of the base template when the processor cannot find {@code src/main/cloudformation/template.yaml} itself. */
  public static final String BASE_TEMPLATE_OPTION = "stratus.baseTemplate";
  /** {@code -Astratus.limits=warn}: CloudFormation's size limits as warnings, for builds that split the template later. */
  public static final String LIMITS_OPTION = "stratus.limits";
  static final String DEFAULT_BASE_TEMPLATE = "src/main/cloudformation/template.yaml";

  /** {@code -Astratus.timings}: a note of the processor's own time, apart from javac's (for bench/). */
  public static final String TIMINGS_OPTION = "stratus.timings";

  /** {@code -Astratus.today=2026-12-02}: the date that decides which runtimes are retired, for reproducible builds. */
  public static final String TODAY_OPTION = "stratus.today";

  private static final List<Class<? extends java.lang.annotation.Annotation>> ANNOTATIONS = Stream.concat(
      Stream.of(CfFunction.class, FunctionUrl.class, Authorizer.class, Use.class, Uses.class, CfResource.class,
          CfResources.class,
          CfParameter.class, CfParameters.class,
          CfCondition.class, CfConditions.class, CfOutput.class, CfOutputs.class, CfGlobals.class,
          JwtAuthorizer.class, JwtAuthorizers.class, CognitoAuthorizer.class, CognitoAuthorizers.class,
          DefaultAuthorizer.class, DefaultAuthorizers.class),
      EventAnnotations.withContainers().stream()).toList();

  /** By binary name, so that fragments are merged and written in a stable order. */
  private final Map<String, TypeFragment> fragments = new TreeMap<>();
  /** Every type this compilation compiles, annotated or not: their old fragments are replaced or dropped. */
  private final Set<String> compiled = new java.util.HashSet<>();
  /** Typed methods read this round, by their class, until {@link #writeGlue} writes their handlers. */
  private final Map<Element, List<TypedMethod>> pendingGlue = new LinkedHashMap<>();
  /** The base template, read once: its problems are reported once. */
  private TemplateFile baseFile;
  private boolean baseRead;
  private Reporter reporter;
  /** The codec classes written, by qualified name: one per type and package, whichever handler needs it first. */
  private final Set<String> codecsWritten = new java.util.HashSet<>();
  /** The packages whose {@code StackResources} is written. */
  private final Set<String> accessorPackages = new java.util.HashSet<>();
  /** Time spent in {@link #process}, all rounds; sources written. */
  private long nanos;
  private int written;
  private FunctionReader functions;
  private DeclarationReader declarations;
  private AnnotatedCodecs annotatedCodecs;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(env.getMessager(), env.getElementUtils(), TreeLocator.of(env));
    functions = new FunctionReader(env.getElementUtils(), env.getTypeUtils(), reporter, AccessorReads.of(env),
        TreeLocator.trees(env));
    declarations = new DeclarationReader(env.getElementUtils(), reporter);
    annotatedCodecs = new AnnotatedCodecs(env.getElementUtils(), reporter);
  }

  private static final Set<String> ANNOTATION_NAMES =
      ANNOTATIONS.stream().map(Class::getCanonicalName).collect(Collectors.toUnmodifiableSet());

  /**
   * Every type, not only annotated ones: a class compiled without annotations must lose the fragment it
   * wrote before, and javac calls a processor only for the annotations it declares. Nothing is claimed.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(BASE_TEMPLATE_OPTION, LIMITS_OPTION, TODAY_OPTION, TIMINGS_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    long start = System.nanoTime();
    try {
      if (round.processingOver()) {
        finish();
      } else {
        round.getRootElements().forEach(this::recordCompiled);
        TypeElement[] ours = annotations.stream()
            .filter(a -> ANNOTATION_NAMES.contains(a.getQualifiedName().toString()))
            .toArray(TypeElement[]::new);
        // One scan of the round for all of them, not one per annotation type.
        for (Element element : ours.length == 0 ? Set.<Element>of() : round.getElementsAnnotatedWithAny(ours)) {
          Element owner = element instanceof ExecutableElement ? element.getEnclosingElement() : element;
          String name = binaryName(owner);
          if (!fragments.containsKey(name)) {
            fragments.put(name, read(name, owner));
          }
        }
        for (AnnotatedCodecs.Source codec : annotatedCodecs.read(round)) {
          if (codecsWritten.add(codec.name())) {
            writeSource(codec.name(), codec.text(), codec.origin());
          }
        }
        writeGlue();
        writeAccessors();
      }
    } catch (RuntimeException | Error e) {
      StackTraceElement[] at = e.getStackTrace();
      reporter.report(null, Diagnostic.InternalError, e + (at.length > 0 ? " at " + at[0] : ""));
    }
    nanos += System.nanoTime() - start;
    if (round.processingOver() && processingEnv.getOptions().containsKey(TIMINGS_OPTION)) {
      processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.NOTE,
          String.format("stratus: the processor's own time %.3f s, %d typed handlers written", nanos / 1e9, written));
    }
    return false;
  }

  private void recordCompiled(Element element) {
    if (element instanceof TypeElement || element instanceof PackageElement) {
      compiled.add(binaryName(element));
    }
    for (Element enclosed : element.getEnclosedElements()) {
      if (enclosed instanceof TypeElement) {
        recordCompiled(enclosed);
      }
    }
  }

  private TypeFragment read(String name, Element element) {
    Map<String, Resource> resources = new LinkedHashMap<>();
    Map<List<String>, Origin> origins = new HashMap<>();
    Template.Builder template = Template.builder();
    functions.read(element, resources, origins);
    List<TypedMethod> typed = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      TypedMethod glue = functions.readMethod(method, resources, origins);
      if (glue != null) {
        typed.add(glue);
      }
    }
    if (!typed.isEmpty()) {
      pendingGlue.put(element, typed);
    }
    // A class-level authorizer named like one of its methods' is reported by the declarations, which come after.
    declarations.read(element, template, resources, origins);
    Map<String, Value> lambdaAuthorizers = functions.takeAuthorizers();
    if (!lambdaAuthorizers.isEmpty()) {
      Mapping.Builder metadata = Mapping.builder();
      template.build().metadata().entries().forEach(metadata::put);
      lambdaAuthorizers.forEach(metadata::put);
      template.metadata(metadata.build());
    }
    resources.forEach(template::resource);
    Origin owner = Origin.element(AnnotationView.ownerName(element), element instanceof PackageElement);
    return new TypeFragment(name, owner, template.build(), origins, functions.takeUses(),
        functions.takeStreamImages(), functions.takeAuthBindings());
  }

  private void finish() {
    TemplateFile base = baseTemplate();
    Path classes = classOutputDir();
    Map<String, Source> byName = previousFragments(classes);
    Map<List<String>, Origin> origins = new HashMap<>();
    for (TypeFragment f : fragments.values()) {
      byName.put(f.binaryName(), new Source(f.binaryName(), f.template()));
      origins.putAll(f.origins());
    }
    // What the @Uses grant, once every resource is known (they may be declared in any type or the base template).
    Known known = Known.of(byName.values(), base);
    for (TypeFragment f : fragments.values()) {
      byName.put(f.binaryName(), new Source(f.binaryName(),
          Connections.apply(f, known.resources(), known.parameters(), reporter, origins)));
    }
    fragments.values().forEach(f -> f.streamImages().forEach(images -> images.check(known.resources(), reporter)));
    List<Source> sources = new ArrayList<>(byName.values());
    boolean limitsAsWarnings = "warn".equals(processingEnv.getOptions().get(LIMITS_OPTION));
    Linker.Options options = Linker.Options.defaults().withLimitsAsWarnings(limitsAsWarnings);
    String today = processingEnv.getOptions().get(TODAY_OPTION);
    if (today != null) {
      options = options.withToday(LocalDate.parse(today));
    }
    Linker.Result linked = Linker.link(sources, base == null ? null : base.source(), null, options);
    for (Problem problem : linked.problems()) {
      reporter.report(problem, origins, base);
    }
    fragments.values().forEach(f -> f.authBindings().forEach(b -> checkGuard(b, linked.guards())));
    if (reporter.errorCount() > 0) {
      return;
    }
    writeFragments(sources, classes, limitsAsWarnings);
  }

  /** A claim needs a route a JWT or Cognito authorizer guards; an authorizer's context, one a Lambda authorizer does. */
  private void checkGuard(FunctionReader.AuthBinding binding, Map<List<String>, Authorizers.Guard> guards) {
    guards.forEach((route, guard) -> {
      if (!route.get(0).equals(binding.function())) {
        return;
      }
      boolean fits = binding.claim() ? "JWT".equals(guard.kind()) || "COGNITO".equals(guard.kind())
          : "LAMBDA".equals(guard.kind());
      if (!fits) {
        reporter.report(binding.origin(), binding.claim() ? Diagnostic.ClaimWithoutTokenAuthorizer
            : Diagnostic.AuthContextWithoutLambdaAuthorizer, binding.key(), binding.function(), guard.route(),
            guard.describe());
      }
    });
  }

  /**
   * The handlers of the typed methods read this round, and each class's routes: written once the whole round
   * is read, so that what a route's API declares (its CORS) is known wherever in the sources it is.
   */
  private void writeGlue() {
    if (pendingGlue.isEmpty()) {
      return;
    }
    List<Template> known = new ArrayList<>();
    fragments.values().forEach(f -> known.add(f.template()));
    TemplateFile base = baseTemplate();
    if (base != null) {
      known.add(base.template());
    }
    pendingGlue.forEach((owner, methods) -> {
      List<TypedMethod> resolved = new ArrayList<>();
      for (TypedMethod m : methods) {
        String origin = m.routes().stream().map(r -> CorsOrigin.of(r, known)).filter(o -> o != null).findFirst()
            .orElse(null);
        TypedMethod glue = m.withAllowOrigin(origin);
        resolved.add(glue);
        for (JsonType.Structure s : CodecWriter.structures(glue)) {
          String codec = glue.packageName().isEmpty() ? s.name() : glue.packageName() + "." + s.name();
          if (codecsWritten.add(codec)) {
            writeSource(codec, CodecWriter.codec(glue.packageName(), s), owner);
          }
        }
        written++;
      }
      TypedMethod first = resolved.get(0);
      String glueClass = first.packageName().isEmpty() ? first.glueClass() : first.packageName() + "." + first.glueClass();
      writeSource(glueClass, GlueWriter.write(resolved), owner);
      String samples = SampleWriter.samples(resolved);
      if (samples != null) {
        writeResource(SampleWriter.resource(glueClass), samples, owner);
      }
    });
    pendingGlue.clear();
  }

  /**
   * Each package's {@code StackResources}, once the round that reads its {@code @Use}s is read: the resources'
   * types (what the accessor gives) are known by then wherever they are declared, or the use is an error anyway.
   */
  private void writeAccessors() {
    Map<String, List<UseRequest>> byPackage = new TreeMap<>();
    Map<String, Set<Element>> declaring = new HashMap<>();
    for (TypeFragment f : fragments.values()) {
      for (UseRequest u : f.uses()) {
        if (!accessorPackages.contains(u.packageName())) {
          byPackage.computeIfAbsent(u.packageName(), k -> new ArrayList<>()).add(u);
          declaring.computeIfAbsent(u.packageName(), k -> new LinkedHashSet<>())
              .add(AnnotationView.locate(f.owner(), processingEnv.getElementUtils()).element());
        }
      }
    }
    if (byPackage.isEmpty()) {
      return;
    }
    // In an incremental build, the package's types not compiled now keep their uses.
    UseFile.read(classOutputDir(), compiled).values().forEach(uses -> uses.forEach(u -> {
      if (byPackage.containsKey(u.packageName())) {
        byPackage.get(u.packageName()).add(u);
      }
    }));
    Map<String, Source> sources = previousFragments(classOutputDir());
    fragments.values().forEach(f -> sources.put(f.binaryName(), new Source(f.binaryName(), f.template())));
    Map<String, Resource> all = Known.of(sources.values(), baseTemplate()).resources();
    byPackage.forEach((pkg, uses) -> {
      accessorPackages.add(pkg);
      Map<String, AccessorWriter.Accessor> accessors = new TreeMap<>();
      for (UseRequest u : uses) {
        Resource r = all.get(u.use().resource());
        String type = r != null ? r.type() : u.use().type(); // a parameter names a resource of that type
        String gives = type.isEmpty() ? null : Grants.refGives(type);
        if (gives == null) {
          continue; // an unknown or uncovered resource, reported with the grants
        }
        String variable = u.use().env().isEmpty() ? Grants.envName(u.use().resource(), type) : u.use().env();
        AccessorWriter.Accessor seen = accessors.get(u.use().resource());
        List<String> variables = new ArrayList<>(seen == null ? List.of() : seen.variables());
        List<String> functions = new ArrayList<>(seen == null ? List.of() : seen.functions());
        if (!variables.contains(variable)) {
          variables.add(variable);
        }
        if (!functions.contains(u.function())) {
          functions.add(u.function());
        }
        accessors.put(u.use().resource(), new AccessorWriter.Accessor(u.use().resource(), type, gives, variables,
            functions));
      }
      if (!accessors.isEmpty()) {
        writeSource(pkg.isEmpty() ? AccessorWriter.CLASS : pkg + "." + AccessorWriter.CLASS,
            AccessorWriter.write(pkg, List.copyOf(accessors.values())), declaring.get(pkg).toArray(Element[]::new));
      }
    });
  }

  /** Every resource, by logical id, and every parameter's name of the fragments and the base template. */
  private record Known(Map<String, Resource> resources, Set<String> parameters) {
    static Known of(Collection<Source> sources, TemplateFile base) {
      Known known = new Known(new HashMap<>(), new HashSet<>());
      sources.forEach(s -> known.add(s.template()));
      if (base != null) {
        known.add(base.template());
      }
      return known;
    }

    private void add(Template t) {
      resources.putAll(t.resources());
      parameters.addAll(t.parameters().keySet());
    }
  }

  /** A generated class, compiled in the next round; {@code origins} are what it is made from, for incremental builds. */
  private void writeResource(String path, String text, Element... origins) {
    try (Writer w = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path, origins)
        .openWriter()) {
      w.write(text);
    } catch (IOException e) {
      reporter.report(null, Diagnostic.InternalError, "cannot write " + path + ": " + e);
    }
  }

  private void writeSource(String name, String text, Element... origins) {
    try (Writer w = processingEnv.getFiler().createSourceFile(name, origins).openWriter()) {
      w.write(text);
    } catch (IOException e) {
      reporter.report(null, Diagnostic.InternalError, "cannot write " + name + ": " + e);
    }
  }

  /** All fragments, kept and new, in one file; none left means no file. */
  private void writeFragments(List<Source> sources, Path classes, boolean limitsAsWarnings) {
    try {
      if (sources.isEmpty()) {
        if (classes != null) {
          Files.deleteIfExists(classes.resolve(FragmentFile.PATH));
          Files.deleteIfExists(classes.resolve(UseFile.PATH));
        }
        return;
      }
      Element[] origins = fragments.values().stream()
          .map(f -> AnnotationView.locate(f.owner(), processingEnv.getElementUtils()).element())
          .toArray(Element[]::new);
      FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", FragmentFile.PATH,
          origins);
      try (Writer w = file.openWriter()) {
        w.write(FragmentFile.write(sources, limitsAsWarnings));
      }
      Map<String, List<UseRequest>> uses = UseFile.read(classes, compiled);
      fragments.values().forEach(f -> {
        if (!f.uses().isEmpty()) {
          uses.put(f.binaryName(), f.uses());
        }
      });
      try (Writer w = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", UseFile.PATH, origins)
          .openWriter()) {
        w.write(UseFile.write(uses));
      }
    } catch (IOException e) {
      reporter.report(null, Diagnostic.InternalError, "cannot write " + FragmentFile.PATH + ": " + e);
    }
  }

  /**
   * In an incremental build (an IDE, javac with the rest on the class path) the types not compiled now keep
   * the fragments they wrote before, and those fragments take part in the checks. A type compiled now
   * without annotations loses its old fragment; one whose class file is gone is left out.
   */
  private Map<String, Source> previousFragments(Path classes) {
    Map<String, Source> out = new TreeMap<>();
    if (classes == null) {
      return out;
    }
    for (Source old : FragmentFile.read(classes)) {
      if (!compiled.contains(old.name())) {
        out.put(old.name(), old);
      }
    }
    return out;
  }

  /** The base template from the option, else {@code src/main/cloudformation/template.yaml} of a Maven-style project. */
  private TemplateFile baseTemplate() {
    if (!baseRead) {
      baseFile = readBaseTemplate();
      baseRead = true;
    }
    return baseFile;
  }

  private TemplateFile readBaseTemplate() {
    String option = processingEnv.getOptions().get(BASE_TEMPLATE_OPTION);
    Path path = option != null ? Path.of(option) : conventionalBaseTemplate();
    if (path == null || !Files.isRegularFile(path)) {
      if (option != null) {
        reporter.report(null, Diagnostic.BaseTemplate, option + ": no such file");
      }
      return null;
    }
    try {
      return TemplateFile.read(path);
    } catch (TemplateException e) {
      reporter.report(null, Diagnostic.BaseTemplate, e.getMessage());
      return null;
    }
  }

  private Path conventionalBaseTemplate() {
    Path classes = classOutputDir();
    if (classes == null || !classes.endsWith(Path.of("target", "classes"))) {
      return null;
    }
    return classes.getParent().getParent().resolve(DEFAULT_BASE_TEMPLATE);
  }

  /** The class output as a directory, or null when the file manager keeps it elsewhere (in memory, say). */
  private Path classOutputDir() {
    try {
      FileObject probe = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", "stratus.probe");
      return "file".equals(probe.toUri().getScheme()) ? Path.of(probe.toUri()).getParent() : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private String binaryName(Element element) {
    if (element instanceof PackageElement p) {
      return p.getQualifiedName() + ".package-info";
    }
    return processingEnv.getElementUtils().getBinaryName((TypeElement) element).toString();
  }
}
