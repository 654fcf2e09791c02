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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/mman.h>
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

/* The container child's stack: it runs on it from clone until execve. */
#define HCN_CHILD_STACK (256 * 1024)

/*
 * One spawn, shared by the JNI thread and the spawner thread; the last of the two to let go of
 * it frees it, since either may finish first.
 */
struct spawn {
  struct hcn_plan *plan;
  struct hcn_child_start start;
  pid_t pid; /* written by the kernel (CLONE_PARENT_SETTID) before the child runs */
  int clone_error;
  int references;
  int go_read;       /* the spawner waits on it: one byte clones the child, end of file gives up */
  int go_write;      /* the JNI side's end of it */
  int status_read;   /* the JNI side's end of the child's status pipe */
  int control_write; /* the JNI side's end of the child's control pipe */
};

static void spawn_release(struct spawn *spawn) {
  if (__atomic_sub_fetch(&spawn->references, 1, __ATOMIC_ACQ_REL) == 0) {
    hcn_plan_free(spawn->plan);
    free(spawn);
  }
}

/*
 * The spawner thread clones the child the way posix_spawn does: CLONE_VM, so that no page table
 * of the JVM is copied (and none torn down at execve), and CLONE_VFORK, so that the thread whose
 * memory and TLS the child borrows is suspended until the child execs. It is started, and its
 * stack mapped, before phase 2 (prepareSpawn), and waits for the byte of startSpawn: between
 * START_FORK and the clone there is a pipe write and a wake-up, not a thread's creation. It then
 * stays until the child has exited, because the child's parent-death signal is tied to the thread
 * that cloned it, not to the process: only the runtime's death may fire it.
 */
static void *spawner_main(void *argument) {
  struct spawn *spawn = argument;
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  char *stack = mmap(NULL, HCN_CHILD_STACK + page, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (stack == MAP_FAILED) {
    spawn->clone_error = errno;
  } else {
    mprotect(stack, page, PROT_NONE); /* a guard below the stack; without one, merely unguarded */
  }
  char go = 0;
  ssize_t n;
  do {
    n = read(spawn->go_read, &go, 1);
  } while (n < 0 && errno == EINTR);
  close(spawn->go_read);
  if (n != 1 && spawn->clone_error == 0) {
    spawn->clone_error = ECANCELED; /* cancelSpawn, or startSpawn could not write */
  }
  if (spawn->clone_error == 0) {
    int flags = CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID | SIGCHLD | (int)spawn->plan->clone_flags;
    if (clone(hcn_child_main, stack + page + HCN_CHILD_STACK, flags, &spawn->start, &spawn->pid) < 0) {
      spawn->clone_error = errno;
    }
  }
  if (stack != MAP_FAILED) {
    munmap(stack, HCN_CHILD_STACK + page);
  }
  /* The parent's copies: from now on only the child (until execve) holds these ends. */
  close(spawn->start.status_fd);
  close(spawn->start.control_fd);
  pid_t pid = spawn->clone_error == 0 ? __atomic_load_n(&spawn->pid, __ATOMIC_ACQUIRE) : 0;
  spawn_release(spawn);
  if (pid > 0) {
    siginfo_t info;
    /* WNOWAIT: the runtime reaps the child itself (Native.waitpid) and reads its status. */
    while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT | __WALL) < 0 && errno == EINTR) {
    }
  }
  return NULL;
}

static int start_spawner(struct spawn *spawn) {
  /* The spawner, and so the child, start with every signal blocked: none may run a JVM handler. */
  sigset_t all;
  sigset_t old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  pthread_t thread;
  int error = pthread_create(&thread, &attributes, spawner_main, spawn);
  pthread_attr_destroy(&attributes);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  return error;
}

static void reap(pid_t pid) {
  while (waitpid(pid, NULL, __WALL) < 0 && errno == EINTR) {
  }
}

static void close_pair(int pair[2]) {
  close(pair[0]);
  close(pair[1]);
}

JNIEXPORT jlong JNICALL Java_dev_jusdt_haconiwa_container_Native_prepareSpawn(JNIEnv *env, jclass cls,
                                                                           jbyteArray bytes) {
  (void)cls;
  jsize length = (*env)->GetArrayLength(env, bytes);
  uint8_t *copy = malloc(length > 0 ? (size_t)length : 1);
  if (copy == NULL) {
    throw_io(env, "spawn: copying the plan", ENOMEM);
    return 0;
  }
  (*env)->GetByteArrayRegion(env, bytes, 0, length, (jbyte *)copy);
  const char *problem = NULL;
  struct hcn_plan *plan = hcn_plan_read(copy, (size_t)length, &problem);
  free(copy);
  if (plan == NULL) {
    throw_state(env, problem);
    return 0;
  }
  struct spawn *spawn = calloc(1, sizeof *spawn);
  int status[2] = {-1, -1};
  int control[2] = {-1, -1};
  int go[2] = {-1, -1};
  const char *what = "spawn: pipe2";
  int error = spawn == NULL ? ENOMEM : 0;
  if (error == 0 && (pipe2(status, O_CLOEXEC) != 0 || pipe2(control, O_CLOEXEC) != 0 ||
                     pipe2(go, O_CLOEXEC) != 0)) {
    error = errno;
  }
  if (error == 0) {
    spawn->plan = plan;
    spawn->start = (struct hcn_child_start){plan, status[1], control[0]};
    spawn->references = 2;
    spawn->go_read = go[0];
    spawn->go_write = go[1];
    spawn->status_read = status[0];
    spawn->control_write = control[1];
    what = "spawn: pthread_create";
    error = start_spawner(spawn);
  }
  if (error != 0) {
    int *pairs[] = {status, control, go};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
      if (pairs[i][0] >= 0) {
        close_pair(pairs[i]);
      }
    }
    free(spawn);
    hcn_plan_free(plan);
    throw_io(env, what, error);
    return 0;
  }
  return (jlong)(intptr_t)spawn;
}

JNIEXPORT void JNICALL Java_dev_jusdt_haconiwa_container_Native_cancelSpawn(JNIEnv *env, jclass cls,
                                                                         jlong handle) {
  (void)env;
  (void)cls;
  struct spawn *spawn = (struct spawn *)(intptr_t)handle;
  /* End of file on the go pipe: the spawner closes the child's ends and lets go without a clone. */
  close(spawn->go_write);
  close(spawn->status_read);
  close(spawn->control_write);
  spawn_release(spawn);
}

JNIEXPORT jintArray JNICALL Java_dev_jusdt_haconiwa_container_Native_startSpawn(JNIEnv *env, jclass cls,
                                                                             jlong handle,
                                                                             jboolean release) {
  (void)cls;
  struct spawn *spawn = (struct spawn *)(intptr_t)handle;
  struct hcn_plan *plan = spawn->plan;
  int status_read = spawn->status_read;
  int control_write = spawn->control_write;
  char go = 'G';
  ssize_t n;
  do {
    n = write(spawn->go_write, &go, 1);
  } while (n < 0 && errno == EINTR);
  /* Written or not, closing it ends the spawner's wait: a clone, or end of file and no clone. */
  close(spawn->go_write);
  char started = 0;
  do {
    n = read(status_read, &started, 1);
  } while (n < 0 && errno == EINTR);
  if (n == 1 && started != HCN_STATUS_STARTED) {
    /* A failure record instead: a step of phase 11 failed. */
    struct hcn_failure failure;
    memset(&failure, 0, sizeof failure);
    ((char *)&failure)[0] = started;
    size_t have = 1;
    while (have < sizeof failure && (n = read(status_read, (char *)&failure + have, sizeof failure - have)) != 0) {
      if (n > 0) {
        have += (size_t)n;
      } else if (errno != EINTR) {
        break;
      }
    }
    pid_t pid = __atomic_load_n(&spawn->pid, __ATOMIC_ACQUIRE);
    close(status_read);
    close(control_write);
    spawn_release(spawn);
    reap(pid);
    char what[512];
    failure.step[sizeof failure.step - 1] = '\0';
    failure.detail[sizeof failure.detail - 1] = '\0';
    snprintf(what, sizeof what, "phase %d CONTAINER_START: %s %s", failure.phase, failure.step, failure.detail);
    throw_io(env, what, failure.magic == HCN_FAILURE_MAGIC ? failure.error : EPROTO);
    return NULL;
  }
  if (n != 1) {
    /* End of file: clone failed, or the child died before phase 11 ended. */
    int error = spawn->clone_error;
    pid_t pid = __atomic_load_n(&spawn->pid, __ATOMIC_ACQUIRE);
    close(status_read);
    close(control_write);
    spawn_release(spawn);
    if (error == 0 && pid > 0) {
      reap(pid);
    }
    throw_io(env, error != 0 ? "spawn: clone" : "spawn: the child died before it started", error != 0 ? error : ECHILD);
    return NULL;
  }
  pid_t pid = __atomic_load_n(&spawn->pid, __ATOMIC_ACQUIRE);
  char what[768];
  if (prepare_child(plan, pid, what, sizeof what) != 0) {
    int error = errno;
    spawn_release(spawn);
    /* The child waits for its go and gets end of file instead; it is killed to be sure. */
    close(control_write);
    close(status_read);
    kill(pid, SIGKILL);
    reap(pid);
    throw_io(env, what, error);
    return NULL;
  }
  spawn_release(spawn);
  int control_fd = control_write;
  if (release) {
    char go_on = HCN_CONTROL_GO;
    do {
      n = write(control_fd, &go_on, 1);
    } while (n < 0 && errno == EINTR);
    /* A failed write leaves the child at end of file: it exits, and its status says so. */
    close(control_fd);
    control_fd = -1;
  }
  return int_array(env, (jint)pid, status_read, control_fd);
}

/*
 * Binds startSpawn when the library loads, so that its first call, between START_FORK and the
 * clone, does not look the symbol up through the class loader (interpreted Java, a millisecond or
 * so of fork->exec). Where Native is not there to bind (another program loading the library),
 * or the binding fails, the JVM finds the method by its name as usual.
 */
JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
  (void)reserved;
  JNIEnv *env = NULL;
  if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK) {
    return JNI_VERSION_1_8;
  }
  jclass native = (*env)->FindClass(env, "dev/jusdt/haconiwa/container/Native");
  if (native != NULL) {
    JNINativeMethod methods[] = {
        {"startSpawn", "(JZ)[I", (void *)Java_dev_jusdt_haconiwa_container_Native_startSpawn}};
    (*env)->RegisterNatives(env, native, methods, 1);
    (*env)->DeleteLocalRef(env, native);
  }
  if ((*env)->ExceptionCheck(env)) {
    (*env)->ExceptionClear(env);
  }
  return JNI_VERSION_1_8;
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

JNIEXPORT jlongArray JNICALL Java_dev_jusdt_haconiwa_container_Native_startGuardian(
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
  void *area = NULL;
  size_t area_size = 0;
  if (ok) {
    pid = hcn_guardian_start(watch[0], cgroup_dirs, file, dir, &area, &area_size);
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
  jlongArray started = (*env)->NewLongArray(env, 4);
  if (started != NULL) {
    jlong values[4] = {(jlong)pid, (jlong)watch[1], (jlong)(uintptr_t)area, (jlong)area_size};
    (*env)->SetLongArrayRegion(env, started, 0, 4, values);
  }
  return started;
}

JNIEXPORT void JNICALL Java_dev_jusdt_haconiwa_container_Native_releaseGuardian(JNIEnv *env, jclass cls,
                                                                              jlong area, jlong size) {
  (void)env;
  (void)cls;
  hcn_guardian_release((void *)(uintptr_t)area, (size_t)size);
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

/* The process ends here, with none of the JVM's own exit: see ContainerRuntime.endProcess. */
JNIEXPORT void JNICALL Java_dev_jusdt_haconiwa_container_Native_endProcess(JNIEnv *env, jclass cls,
                                                                         jint status) {
  (void)env;
  (void)cls;
  _exit(status);
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
