/*
 * Hand-written C in the probe library: the offset between the two clocks a tracer may compare
 * the boot probes' time with (CLOCK_BOOTTIME in the probe, CLOCK_MONOTONIC in bpftrace's nsecs).
 */
#define _GNU_SOURCE
#include <jni.h>
#include <time.h>

JNIEXPORT jlong JNICALL Java_org_example_tracing_Clocks_bootMinusMonotonic0(JNIEnv *env, jclass cls) {
  struct timespec mono;
  struct timespec boot;
  (void)env;
  (void)cls;
  (void)clock_gettime(CLOCK_MONOTONIC, &mono);
  (void)clock_gettime(CLOCK_BOOTTIME, &boot);
  return (jlong)(boot.tv_sec - mono.tv_sec) * 1000000000LL + (boot.tv_nsec - mono.tv_nsec);
}
