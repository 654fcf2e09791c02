/*
 * The JNI side of dev.jusdt.haconiwa.container.Native: cloning the container child and the
 * guardian, and the few system calls Java has no API for (waitpid on a pid it did not start,
 * kill with any signal, reading and writing a raw pipe descriptor).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <jni.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "container.h"

static void throw_io(JNIEnv *env, const char *what, int error) {
  char message[512];
  char reason[256];
  const char *text = strerror_r(error, reason, sizeof reason);
  const char *name = strerrorname_np(error);
  snprintf(message, sizeof message, "%s: %s (%s)", what, text, name != NULL ? name : "?");
  jclass type = (*env)->FindClass(env, "java/io/IOException");
  if (type != NULL) {
    (*env)->ThrowNew(env, type, message);
  }
}

static void throw_state(JNIEnv *env, const char *message) {
  jclass type = (*env)->FindClass(env, "java/lang/IllegalStateException");
  if (type != NULL) {
    (*env)->ThrowNew(env, type, message);
  }
}

static jintArray int_array(JNIEnv *env, jint a, jint b, jint c) {
  jint values[3] = {a, b, c};
  jintArray array = (*env)->NewIntArray(env, 3);
  if (array != NULL) {
    (*env)->SetIntArrayRegion(env, array, 0, 3, values);
  }
  return array;
}

/*
 * A fork-like clone: with no new stack, the child returns here on a copy of the parent's.
 * Raw, so glibc's fork handlers, which the JVM's threads may hold locks for, do not run.
 */
static long clone_process(uint64_t flags) {
  /*
   * The child starts with every signal blocked, so that none reaches the JVM's handlers it
   * inherited before it resets them (phase 11); the parent's mask is restored at once.
   */
  sigset_t all;
  sigset_t old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  long pid = syscall(SYS_clone, (unsigned long)(SIGCHLD | flags), NULL, NULL, NULL, 0UL);
  if (pid != 0) {
    int error = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = error;
  }
  return pid;
}

/* Writes text to a kernel file in one write(2), as cgroup.procs and uid_map require. */
static int write_file(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    return -1;
  }
  size_t length = strlen(text);
  ssize_t n = write(fd, text, length);
  int error = errno;
  close(fd);
  if (n != (ssize_t)length) {
    errno = n < 0 ? error : EIO;
    return -1;
  }
  return 0;
}

/*
 * The parent's part while the child waits before phase 13: its id maps, then its cgroups. Done
 * here rather than in Java because it is on the fork-to-exec path, and Java's first file writes
 * of a run (class loading, interpreted code) cost milliseconds where these cost microseconds.
 * On failure, *what names the step and errno is set.
 */
static int prepare_child(const struct hcn_plan *plan, long pid, char *what, size_t size) {
  char path[64];
  if (plan->uid_map[0] != '\0') {
    snprintf(path, sizeof path, "/proc/%ld/uid_map", pid);
    if (write_file(path, plan->uid_map) != 0) {
      snprintf(what, size, "writing uid_map [%s] of the container (pid %ld); each outside range must exist on the host and ranges must not overlap", plan->uid_map, pid);
      return -1;
    }
    snprintf(path, sizeof path, "/proc/%ld/gid_map", pid);
    if (write_file(path, plan->gid_map) != 0) {
      snprintf(what, size, "writing gid_map [%s] of the container (pid %ld)", plan->gid_map, pid);
      return -1;
    }
  }
  char number[24];
  snprintf(number, sizeof number, "%ld", pid);
  for (char **procs = plan->cgroup_procs; *procs != NULL; procs++) {
    if (write_file(*procs, number) != 0) {
      snprintf(what, size, "moving the container (pid %ld) into %s", pid, *procs);
      return -1;
    }
  }
  return 0;
}

JNIEXPORT jintArray JNICALL Java_dev_jusdt_haconiwa_container_Native_spawn(JNIEnv *env, jclass cls,
                                                                         jbyteArray bytes,
                                                                         jboolean release) {
  (void)cls;
  jsize length = (*env)->GetArrayLength(env, bytes);
  uint8_t *copy = malloc(length > 0 ? (size_t)length : 1);
  if (copy == NULL) {
    throw_io(env, "spawn: copying the plan", ENOMEM);
    return NULL;
  }
  (*env)->GetByteArrayRegion(env, bytes, 0, length, (jbyte *)copy);
  const char *problem = NULL;
  struct hcn_plan *plan = hcn_plan_read(copy, (size_t)length, &problem);
  free(copy);
  if (plan == NULL) {
    throw_state(env, problem);
    return NULL;
  }
  int status[2];
  int control[2];
  if (pipe2(status, O_CLOEXEC) != 0) {
    throw_io(env, "spawn: pipe2 (status)", errno);
    hcn_plan_free(plan);
    return NULL;
  }
  if (pipe2(control, O_CLOEXEC) != 0) {
    throw_io(env, "spawn: pipe2 (control)", errno);
    close(status[0]);
    close(status[1]);
    hcn_plan_free(plan);
    return NULL;
  }
  long pid = clone_process(plan->clone_flags);
  if (pid == 0) {
    hcn_child_main(plan, status[1], control[0]);
  }
  int error = errno;
  close(status[1]);
  close(control[0]);
  if (pid < 0) {
    hcn_plan_free(plan);
    close(status[0]);
    close(control[1]);
    throw_io(env, "spawn: clone", error);
    return NULL;
  }
  char what[768];
  if (prepare_child(plan, pid, what, sizeof what) != 0) {
    error = errno;
    hcn_plan_free(plan);
    /* The child is waiting for its go and gets end of file instead; reap it. */
    close(control[1]);
    close(status[0]);
    kill((pid_t)pid, SIGKILL);
    while (waitpid((pid_t)pid, NULL, __WALL) < 0 && errno == EINTR) {
    }
    throw_io(env, what, error);
    return NULL;
  }
  hcn_plan_free(plan);
  int control_fd = control[1];
  if (release) {
    char go = HCN_CONTROL_GO;
    ssize_t n;
    do {
      n = write(control_fd, &go, 1);
    } while (n < 0 && errno == EINTR);
    /* A failed write leaves the child at end of file: it exits, and the status pipe says so. */
    close(control_fd);
    control_fd = -1;
  }
  return int_array(env, (jint)pid, status[0], control_fd);
}

static char *utf_copy(JNIEnv *env, jstring string) {
  const char *chars = (*env)->GetStringUTFChars(env, string, NULL);
  if (chars == NULL) {
    return NULL;
  }
  char *copy = strdup(chars);
  (*env)->ReleaseStringUTFChars(env, string, chars);
  return copy;
}

JNIEXPORT jintArray JNICALL Java_dev_jusdt_haconiwa_container_Native_startGuardian(
    JNIEnv *env, jclass cls, jobjectArray dirs, jstring state_file, jstring state_dir) {
  (void)cls;
  jsize count = (*env)->GetArrayLength(env, dirs);
  char **cgroup_dirs = calloc((size_t)count + 1, sizeof(char *));
  char *file = utf_copy(env, state_file);
  char *dir = utf_copy(env, state_dir);
  int ok = cgroup_dirs != NULL && file != NULL && dir != NULL;
  for (jsize i = 0; ok && i < count; i++) {
    jstring element = (jstring)(*env)->GetObjectArrayElement(env, dirs, i);
    cgroup_dirs[i] = element != NULL ? utf_copy(env, element) : NULL;
    ok = cgroup_dirs[i] != NULL;
  }
  int watch[2] = {-1, -1};
  long pid = -1;
  int error = ENOMEM;
  if (ok && pipe2(watch, O_CLOEXEC) != 0) {
    error = errno;
    ok = 0;
  }
  if (ok) {
    pid = clone_process(0);
    if (pid == 0) {
      hcn_guardian_main(watch[0], cgroup_dirs, file, dir);
    }
    error = errno;
    close(watch[0]);
    if (pid < 0) {
      close(watch[1]);
    }
  }
  if (cgroup_dirs != NULL) {
    for (jsize i = 0; i < count; i++) {
      free(cgroup_dirs[i]);
    }
    free(cgroup_dirs);
  }
  free(file);
  free(dir);
  if (!ok || pid < 0) {
    if (!(*env)->ExceptionCheck(env)) {
      throw_io(env, "starting the guardian", error);
    }
    return NULL;
  }
  return int_array(env, (jint)pid, watch[1], 0);
}

JNIEXPORT jbyteArray JNICALL Java_dev_jusdt_haconiwa_container_Native_readAll(JNIEnv *env,
                                                                            jclass cls, jint fd) {
  (void)cls;
  char buffer[65536];
  size_t total = 0;
  for (;;) {
    ssize_t n = read(fd, buffer + total, sizeof buffer - total);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw_io(env, "reading the status pipe", errno);
      return NULL;
    }
    if (n == 0 || (total += (size_t)n) == sizeof buffer) {
      break;
    }
  }
  jbyteArray result = (*env)->NewByteArray(env, (jsize)total);
  if (result != NULL) {
    (*env)->SetByteArrayRegion(env, result, 0, (jsize)total, (const jbyte *)buffer);
  }
  return result;
}

JNIEXPORT void JNICALL Java_dev_jusdt_haconiwa_container_Native_writeByte(JNIEnv *env, jclass cls,
                                                                         jint fd, jint value) {
  (void)cls;
  char byte = (char)value;
  ssize_t n;
  do {
    n = write(fd, &byte, 1);
  } while (n < 0 && errno == EINTR);
  if (n != 1) {
    throw_io(env, "writing to a pipe", n < 0 ? errno : EIO);
  }
}

JNIEXPORT void JNICALL Java_dev_jusdt_haconiwa_container_Native_close(JNIEnv *env, jclass cls,
                                                                     jint fd) {
  (void)cls;
  /* Linux releases the descriptor even when close reports EINTR, so it is never retried. */
  if (close(fd) != 0 && errno != EINTR) {
    throw_io(env, "close", errno);
  }
}

JNIEXPORT jint JNICALL Java_dev_jusdt_haconiwa_container_Native_waitpid(JNIEnv *env, jclass cls,
                                                                       jint pid) {
  (void)cls;
  int status = 0;
  pid_t done;
  do {
    done = waitpid(pid, &status, __WALL);
  } while (done < 0 && errno == EINTR);
  if (done < 0) {
    throw_io(env, "waitpid", errno);
    return -1;
  }
  return status;
}

JNIEXPORT jint JNICALL Java_dev_jusdt_haconiwa_container_Native_kill(JNIEnv *env, jclass cls,
                                                                    jint pid, jint signal) {
  (void)env;
  (void)cls;
  return kill(pid, signal) == 0 ? 0 : errno;
}

JNIEXPORT jint JNICALL Java_dev_jusdt_haconiwa_container_Native_syscallNumber(JNIEnv *env,
                                                                             jclass cls,
                                                                             jstring name) {
  (void)cls;
  const char *chars = (*env)->GetStringUTFChars(env, name, NULL);
  if (chars == NULL) {
    return -1;
  }
  int number = hcn_syscall_number(chars);
  (*env)->ReleaseStringUTFChars(env, name, chars);
  return number;
}

JNIEXPORT jstring JNICALL Java_dev_jusdt_haconiwa_container_Native_errorName(JNIEnv *env,
                                                                            jclass cls,
                                                                            jint error) {
  (void)cls;
  const char *name = strerrorname_np(error);
  return (*env)->NewStringUTF(env, name != NULL ? name : "");
}

JNIEXPORT jstring JNICALL Java_dev_jusdt_haconiwa_container_Native_errorText(JNIEnv *env,
                                                                            jclass cls,
                                                                            jint error) {
  (void)cls;
  char buffer[256];
  return (*env)->NewStringUTF(env, strerror_r(error, buffer, sizeof buffer));
}
