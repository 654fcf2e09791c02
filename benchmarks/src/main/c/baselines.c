/*
 * Baselines for the benchmarks, in the same library as the generated probes and through the
 * generated header, so they fire the very same probes (same notes, same semaphores).
 */
#include <jni.h>
#include <stddef.h>
#include "bench_probes.h"

/* The naive binding: a JNI function holding the probe, called whether or not anyone traces. */
JNIEXPORT void JNICALL Java_dev_jusdt_bench_probes_NaiveBinding_longs(
    JNIEnv *env, jclass cls, jlong a, jlong b, jlong c) {
  (void)env;
  (void)cls;
  BENCH_LONGS(a, b, c);
}

/* The C baseline: a probe hit as C code pays it, with no JNI per hit. */
JNIEXPORT void JNICALL Java_dev_jusdt_bench_probes_CLoop_longs(JNIEnv *env, jclass cls, jlong n) {
  (void)env;
  (void)cls;
  for (jlong i = 0; i < n; i++) {
    if (BENCH_LONGS_ENABLED()) {
      BENCH_LONGS(i, 2, 3);
    }
  }
}

JNIEXPORT void JNICALL Java_dev_jusdt_bench_probes_CLoop_text(JNIEnv *env, jclass cls, jlong n) {
  (void)env;
  (void)cls;
  for (jlong i = 0; i < n; i++) {
    if (BENCH_TEXT_ENABLED()) {
      BENCH_TEXT(i, 2, "hello, world");
    }
  }
}

JNIEXPORT void JNICALL Java_dev_jusdt_bench_probes_CLoop_step(JNIEnv *env, jclass cls, jlong n) {
  (void)env;
  (void)cls;
  for (jlong i = 0; i < n; i++) {
    BENCH_PROBE_STEP_NOW(BENCH_PHASE_STEP);
  }
}

/*
 * Sets every semaphore of the library as a tracer would, without attaching one: the probes then
 * take their enabled path, but each DTRACE_PROBE stays a nop, so a benchmark measures what the
 * binding itself costs (JNI, argument conversion) without the uprobe trap. Never call it while
 * a real tracer is attached: it would overwrite the tracer's count.
 */
JNIEXPORT void JNICALL Java_dev_jusdt_bench_probes_ForcedSemaphores_set(
    JNIEnv *env, jclass cls, jint value) {
  (void)env;
  (void)cls;
  for (size_t i = 0; i < sizeof(jusdt_semaphores_bench) / sizeof(jusdt_semaphores_bench[0]); i++) {
    jusdt_semaphores_bench[i] = (unsigned short)value;
  }
}
