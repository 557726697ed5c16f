package dev.stratus.local;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JVMs of one function: warm ones are reused, concurrent calls start more up to a limit, and a JVM
 * that timed out or died is replaced. Lambda's scaling, in miniature.
 */
final class FunctionPool {
  static final int INIT_SECONDS = 30;

  private final FunctionSpec spec;
  private final RuntimeInterfaceClient ric;
  private final Map<String, String> baseEnvironment;
  private final PrintStream log;
  private final int maxWorkers;
  private final Deque<Worker> idle = new ArrayDeque<>();
  private final List<Worker> all = new ArrayList<>();
  /** Busy JVMs that run code older than the jar: they finish their call, then stop. */
  private final Set<Worker> stale = new HashSet<>();
  private boolean closed;

  FunctionPool(FunctionSpec spec, RuntimeInterfaceClient ric, Map<String, String> baseEnvironment, PrintStream log,
      int maxWorkers) {
    this.spec = spec;
    this.ric = ric;
    this.baseEnvironment = baseEnvironment;
    this.log = log;
    this.maxWorkers = maxWorkers;
  }

  FunctionSpec spec() {
    return spec;
  }

  Invocation.Result invoke(byte[] payload) {
    Worker worker = acquire();
    Invocation.Result result = null;
    try {
      result = worker.invoke(payload, INIT_SECONDS);
      return result;
    } finally {
      release(worker, result);
    }
  }

  private synchronized Worker acquire() {
    while (true) {
      if (closed) {
        throw new LocalException(spec.logicalId() + " is stopping");
      }
      Worker w = idle.pollFirst();
      if (w != null && w.isAlive()) {
        return w;
      }
      if (w != null) {
        all.remove(w);
        continue;
      }
      if (all.size() < maxWorkers) {
        Worker fresh = new Worker(spec, ric, baseEnvironment, log);
        all.add(fresh);
        return fresh;
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalException("interrupted while waiting for " + spec.logicalId());
      }
    }
  }

  /**
   * The function's code was rebuilt: idle JVMs stop now, busy ones after their call; new calls get fresh JVMs.
   * A function that ran gets one started at once, so that the call after an edit finds the new code loaded.
   */
  synchronized void recycle() {
    boolean ran = !all.isEmpty();
    idle.forEach(Worker::stop);
    all.removeAll(idle);
    idle.clear();
    stale.addAll(all);
    if (ran && !closed && all.size() < maxWorkers) {
      Worker fresh = new Worker(spec, ric, baseEnvironment, log);
      all.add(fresh);
      idle.add(fresh);
    }
    notifyAll();
  }

  private synchronized void release(Worker worker, Invocation.Result result) {
    if (stale.remove(worker)) {
      worker.stop();
      all.remove(worker);
    } else if (result == null || result.outcome() == Invocation.Outcome.TIMEOUT || !worker.isAlive()) {
      worker.stop();
      all.remove(worker);
      if (result != null && result.outcome() == Invocation.Outcome.TIMEOUT) {
        log.println("[" + spec.logicalId() + "] timed out after " + spec.timeoutSeconds() + " s; its JVM was stopped");
      }
    } else {
      idle.addFirst(worker);
    }
    notifyAll();
  }

  synchronized void close() {
    closed = true;
    all.forEach(Worker::stop);
    all.clear();
    idle.clear();
    notifyAll();
  }
}
