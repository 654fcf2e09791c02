/*
 * The guardian: a small process forked from the runtime before the container, which cleans up
 * if the runtime dies without doing so itself (kill -9, a JVM crash). It waits on a pipe whose
 * only writer is the runtime; the runtime writes 'D' when its own cleanup is done. End of file
 * without 'D' means the runtime died: the guardian kills every process left in the container's
 * cgroups, removes the cgroups and the state directory, and exits. Mounts need nothing: they live
 * in the container's mount namespace, which goes away with its last process.
 *
 * It is not a copy of the JVM but shares its memory (clone with CLONE_VM, its own stack): a fork
 * of the JVM copied its page tables, made every page the JVM wrote afterwards fault once more, and
 * took the runtime ~1.5 ms to reap at the end, the kernel tearing the copy down; sharing, none of
 * that (8 ms of a JDK 25 boot here, 17 ms on JDK 17, measured over whole runs). If the JVM dies,
 * the memory stays for as long as the guardian needs it.
 * So it calls only async-signal-safe functions that take no lock and allocate nothing, and sets
 * errno (which is the JVM thread's that started it: the thread pointer is shared too) only once
 * the JVM is gone, or on failures a live JVM never sees: no signal number glibc refuses.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>
#include "container.h"

/* How long the guardian keeps trying to empty and remove a cgroup: 500 x 10 ms. */
#define HCN_GUARDIAN_ATTEMPTS 500

static void pause_briefly(void) {
  struct timespec ten_ms = {0, 10 * 1000 * 1000};
  nanosleep(&ten_ms, NULL);
}

static int path_in(char *out, const char *dir, const char *file) {
  size_t d = strlen(dir);
  size_t f = strlen(file);
  if (d + f + 2 > PATH_MAX) {
    return -1;
  }
  memcpy(out, dir, d);
  out[d] = '/';
  memcpy(out + d + 1, file, f + 1);
  return 0;
}

/* cgroup v2 kills a whole cgroup in one write (Linux 5.14 and later). */
static void kill_by_cgroup_kill(const char *dir) {
  char path[PATH_MAX];
  if (path_in(path, dir, "cgroup.kill") != 0) {
    return;
  }
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd >= 0) {
    ssize_t ignored = write(fd, "1", 1); /* v1, or an old kernel: the loop below does it */
    (void)ignored;
    close(fd);
  }
}

/* Sends SIGKILL to every pid in cgroup.procs; returns how many it found. */
static int kill_listed(const char *dir) {
  char path[PATH_MAX];
  if (path_in(path, dir, "cgroup.procs") != 0) {
    return 0;
  }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return 0;
  }
  int found = 0;
  long pid = 0;
  int digits = 0;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) {
    for (ssize_t i = 0; i < n; i++) {
      if (buffer[i] >= '0' && buffer[i] <= '9') {
        pid = pid * 10 + (buffer[i] - '0');
        digits++;
      } else {
        if (digits > 0 && pid > 0) {
          kill((pid_t)pid, SIGKILL);
          found++;
        }
        pid = 0;
        digits = 0;
      }
    }
  }
  if (digits > 0 && pid > 0) {
    kill((pid_t)pid, SIGKILL);
    found++;
  }
  close(fd);
  return found;
}

static void empty_and_remove(const char *dir) {
  kill_by_cgroup_kill(dir);
  for (int attempt = 0; attempt < HCN_GUARDIAN_ATTEMPTS; attempt++) {
    kill_listed(dir);
    if (rmdir(dir) == 0 || errno == ENOENT) {
      return;
    }
    pause_briefly();
  }
}

void hcn_guardian_main(int watch_fd, char **cgroup_dirs, const char *state_file,
                       const char *state_dir) {
  /* Its own session: a Ctrl-C on the runtime's terminal must not take the guardian with it. */
  setsid();
  /* The JVM's handlers came along with the clone; they would run here without a JVM. */
  struct sigaction standard;
  memset(&standard, 0, sizeof standard);
  standard.sa_handler = SIG_DFL;
  for (int s = 1; s < NSIG; s++) {
    /* glibc keeps 32 and 33 for itself and refuses them with EINVAL, which would set errno. */
    if (s != SIGKILL && s != SIGSTOP && (s < 32 || s >= SIGRTMIN)) {
      sigaction(s, &standard, NULL);
    }
  }
  struct sigaction ignore;
  memset(&ignore, 0, sizeof ignore);
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGINT, &ignore, NULL);
  sigaction(SIGHUP, &ignore, NULL);
  sigaction(SIGQUIT, &ignore, NULL);
  sigaction(SIGPIPE, &ignore, NULL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  prctl(PR_SET_NAME, "haconiwa-guard", 0, 0, 0);
  /* Whoever reads the runtime's output to its end must not wait for the guardian too. */
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
  }
  hcn_close_other_fds(watch_fd, -1);

  int done = 0;
  char buffer[64];
  for (;;) {
    ssize_t n = read(watch_fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;
    }
    if (memchr(buffer, 'D', (size_t)n) != NULL) {
      done = 1;
    }
  }
  if (!done) {
    for (char **dir = cgroup_dirs; *dir != NULL; dir++) {
      empty_and_remove(*dir);
    }
    if (state_file[0] != '\0') {
      unlink(state_file);
    }
    if (state_dir[0] != '\0') {
      rmdir(state_dir);
    }
  }
  _exit(0);
}

/* Its stack; the deepest path through the guardian uses ~13 KB (two PATH_MAX buffers, 4 KB read). */
#define HCN_GUARDIAN_STACK (64 * 1024)

struct guardian_start {
  int watch_fd;
  char **cgroup_dirs;
  char *state_file;
  char *state_dir;
};

static int guardian_entry(void *arg) {
  struct guardian_start *start = arg;
  hcn_guardian_main(start->watch_fd, start->cgroup_dirs, start->state_file, start->state_dir);
}

/* Copies text to *next and moves *next past it. */
static char *copy_to(char **next, const char *text) {
  size_t length = strlen(text) + 1;
  char *copy = memcpy(*next, text, length);
  *next += length;
  return copy;
}

long hcn_guardian_start(int watch_fd, char *const *cgroup_dirs, const char *state_file,
                        const char *state_dir, void **area, size_t *area_size) {
  size_t count = 0;
  size_t text = strlen(state_file) + strlen(state_dir) + 2;
  for (; cgroup_dirs[count] != NULL; count++) {
    text += strlen(cgroup_dirs[count]) + 1;
  }
  /* Paths and pointers at the bottom, the stack growing down from the top. */
  size_t size = sizeof(struct guardian_start) + (count + 1) * sizeof(char *) + text + HCN_GUARDIAN_STACK;
  long page = sysconf(_SC_PAGESIZE);
  size = (size + (size_t)page - 1) / (size_t)page * (size_t)page;
  char *base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (base == MAP_FAILED) {
    return -1;
  }
  struct guardian_start *start = (struct guardian_start *)base;
  char **dirs = (char **)(start + 1);
  char *next = (char *)(dirs + count + 1);
  for (size_t i = 0; i < count; i++) {
    dirs[i] = copy_to(&next, cgroup_dirs[i]);
  }
  dirs[count] = NULL;
  start->watch_fd = watch_fd;
  start->cgroup_dirs = dirs;
  start->state_file = copy_to(&next, state_file);
  start->state_dir = copy_to(&next, state_dir);
  char *top = (char *)(((uintptr_t)(base + size)) & ~(uintptr_t)15);

  /* Every signal blocked until the guardian has put back the default handlers. */
  sigset_t all;
  sigset_t old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  long pid = clone(guardian_entry, top, CLONE_VM | SIGCHLD, start);
  int error = errno;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (pid < 0) {
    munmap(base, size);
    errno = error;
    return -1;
  }
  *area = base;
  *area_size = size;
  return pid;
}

void hcn_guardian_release(void *area, size_t area_size) {
  munmap(area, area_size);
}
