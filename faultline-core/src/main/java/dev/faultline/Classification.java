package dev.faultline;

import dev.faultline.internal.Settings;
import dev.faultline.internal.StackFrames;
import dev.faultline.internal.Warnings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** The classification rules of one process: registered classifiers, then the JDK's rules. */
final class Classification {
  /** The setting that makes {@link IllegalArgumentException} an {@link Code#INVALID_ARGUMENT}. */
  static final String ILLEGAL_ARGUMENT_SETTING = "faultline.classify.illegal-argument";

  /** How far down a cause chain classification and the {@code has…} checks look. */
  static final int MAX_CHAIN = 64;

  private static final class Holder {
    static final Classification DEFAULT = fromSettings();
  }

  private final List<FaultClassifier> classifiers;
  private final JdkClassifier jdk;

  Classification(List<FaultClassifier> classifiers, JdkClassifier jdk) {
    this.classifiers = List.copyOf(classifiers);
    this.jdk = jdk;
  }

  /** The rules of this process, read once: registered classifiers and the settings. */
  static Classification defaults() {
    return Holder.DEFAULT;
  }

  /** Rules read afresh from the service loader and the settings. */
  static Classification fromSettings() {
    return new Classification(loadClassifiers(), new JdkClassifier(illegalArgumentSetting()));
  }

  Fault classify(Throwable thrown) {
    Throwable t = unwrap(thrown);
    Fault direct = classifyItself(t);
    if (direct != null) {
      return direct;
    }
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(t);
    Throwable cause = t.getCause();
    for (int i = 0; cause != null && i < MAX_CHAIN && seen.add(cause); i++) {
      if (cause instanceof FaultException) {
        return ((FaultException) cause).fault();
      }
      Fault found = classifyItself(cause);
      if (found != null) {
        return withException(Fault.builder(found.code()), t).cause(found.cause()).build();
      }
      cause = cause.getCause();
    }
    return withException(Fault.builder(Code.INTERNAL), t).build();
  }

  /** The fault {@code t} stands for by itself (ignoring its causes), or null. */
  @Nullable Fault classifyItself(Throwable t) {
    if (t instanceof FaultException) {
      return ((FaultException) t).fault();
    }
    for (FaultClassifier classifier : classifiers) {
      Fault fault = ask(classifier, t);
      if (fault != null) {
        return fault.exception() == null ? withException(fault.toBuilder(), t).build() : fault;
      }
    }
    Code code = jdk.codeOf(t);
    return code == null ? null : withException(Fault.builder(code), t).build();
  }

  private static @Nullable Fault ask(FaultClassifier classifier, Throwable t) {
    try {
      return classifier.classify(t);
    } catch (RuntimeException e) {
      Warnings.once(
          "classifier:" + classifier.getClass().getName(),
          "Faultline skipped the classifier " + classifier.getClass().getName() + ": it threw",
          e);
      return null;
    }
  }

  private static FaultBuilder withException(FaultBuilder builder, Throwable t) {
    return builder
        .exception(t.getClass().getName())
        .exceptionMessage(t.getMessage())
        .stackTrace(StackFrames.capture(t));
  }

  /** The exception that a pure wrapper (ExecutionException and its kind) stands for. */
  static Throwable unwrap(Throwable t) {
    Throwable current = t;
    for (int i = 0; i < MAX_CHAIN && isWrapper(current) && current.getCause() != null; i++) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean isWrapper(Throwable t) {
    return t instanceof ExecutionException
        || t instanceof CompletionException
        || t instanceof InvocationTargetException
        || t instanceof UndeclaredThrowableException;
  }

  private static List<FaultClassifier> loadClassifiers() {
    List<FaultClassifier> found = new ArrayList<>();
    try {
      for (FaultClassifier classifier :
          ServiceLoader.load(FaultClassifier.class, Classification.class.getClassLoader())) {
        found.add(classifier);
      }
    } catch (ServiceConfigurationError e) {
      Warnings.once("classifier-loading", "Faultline could not load a FaultClassifier", e);
    }
    return found;
  }

  private static boolean illegalArgumentSetting() {
    String value = Settings.get(ILLEGAL_ARGUMENT_SETTING);
    if (value == null || value.isBlank()) {
      return false;
    }
    String normal = value.strip().toLowerCase(Locale.ROOT);
    if (!normal.equals("true") && !normal.equals("false")) {
      Warnings.once(
          ILLEGAL_ARGUMENT_SETTING,
          ILLEGAL_ARGUMENT_SETTING
              + " must be true or false, but was \""
              + value
              + "\"; using false");
    }
    return normal.equals("true");
  }
}
