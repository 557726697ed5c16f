package dev.stratus.runtime;

/**
 * Implemented by a class of typed methods with {@code @CfFunction(snapStart = true)}: {@link #warmUp} runs
 * once before SnapStart takes the snapshot, after the generated glue has primed itself, to build and
 * exercise the class's own clients. It must not leave credentials or connections in the snapshot that
 * will not hold after a restore.
 */
public interface Warmup {
  void warmUp() throws Exception;
}
