/*
 * The container child, between clone and execve: one function per boot phase, each firing its
 * probe-containergen phase when its work is done (phase 11 first thing, as Haconiwa does).
 *
 * The child shares the JVM's memory until execve (CLONE_VM, see native_jni.c), so it writes
 * only to its own stack and calls only async-signal-safe functions: no malloc, no stdio, no
 * locks. Everything it needs was prepared in the plan before the clone. Every failing system call is reported to the parent through the
 * status pipe (phase, step, detail, errno) and ends the child; none is ignored, except where a
 * comment says why an error is expected.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/seccomp.h>
#include "container.h"
#include "haconiwa_probes.h"

#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif

/* The child's exit status when it reported a failure; the parent reads the record, not this. */
#define HCN_EXIT_FAILED 125

/*
 * Thread-local: the child runs in the runtime's memory (CLONE_VM) with the TLS of the thread
 * that cloned it, which is suspended until execve (CLONE_VFORK). A plain global would be shared
 * by two containers spawned at once.
 */
static __thread int status_fd = -1;

/*
 * glibc's setgroups, setresgid and setresuid change the credentials of every thread of the
 * process it believes it is: it signals the JVM's threads, whose list the child inherited,
 * under a lock one of them may have held at the clone. The child is one thread, so the plain
 * system calls are what it means, and cannot hang.
 */
static int raw_setgroups(size_t count, const gid_t *groups) {
  return (int)syscall(SYS_setgroups, count, groups);
}

static int raw_setresgid(gid_t r, gid_t e, gid_t s) {
  return (int)syscall(SYS_setresgid, r, e, s);
}

static int raw_setresuid(uid_t r, uid_t e, uid_t s) {
  return (int)syscall(SYS_setresuid, r, e, s);
}

/* A bounded string builder on the stack: no allocation. */
struct text {
  char s[sizeof(((struct hcn_failure *)0)->detail)];
  size_t n;
};

static void text_add(struct text *t, const char *s) {
  while (*s != '\0' && t->n + 1 < sizeof t->s) {
    t->s[t->n++] = *s++;
  }
  t->s[t->n] = '\0';
}

static void text_init(struct text *t, const char *s) {
  t->n = 0;
  t->s[0] = '\0';
  text_add(t, s);
}

static void copy_bounded(char *to, size_t size, const char *from) {
  size_t n = strlen(from);
  if (n >= size) {
    n = size - 1;
  }
  memcpy(to, from, n);
  to[n] = '\0';
}

/* Reports the failure to the parent and exits. */
__attribute__((noreturn)) static void fail(int phase, const char *step, const char *detail,
                                           int error) {
  struct hcn_failure f;
  memset(&f, 0, sizeof f);
  f.magic = HCN_FAILURE_MAGIC;
  f.phase = phase;
  f.error = error;
  copy_bounded(f.step, sizeof f.step, step);
  copy_bounded(f.detail, sizeof f.detail, detail);
  ssize_t written;
  do {
    written = write(status_fd, &f, sizeof f);
  } while (written < 0 && errno == EINTR);
  /* If even this write fails the parent is gone; the exit status is all that is left. */
  _exit(HCN_EXIT_FAILED);
}

/* root + path (absolute) into out; a path too long for PATH_MAX is a failure of the phase. */
static void join(char *out, const char *root, const char *path, int phase) {
  size_t r = strlen(root);
  size_t p = strlen(path);
  if (r + p + 1 > PATH_MAX) {
    fail(phase, "path", path, ENAMETOOLONG);
  }
  memcpy(out, root, r);
  memcpy(out + r, path, p + 1);
}

/* mkdir -p: creates each missing directory of path. */
static void make_directories(const char *path, int phase) {
  char buffer[PATH_MAX];
  copy_bounded(buffer, sizeof buffer, path);
  for (char *p = buffer + 1;; p++) {
    if (*p == '/' || *p == '\0') {
      char saved = *p;
      *p = '\0';
      if (mkdir(buffer, 0755) != 0 && errno != EEXIST) {
        fail(phase, "mkdir", buffer, errno);
      }
      *p = saved;
      if (saved == '\0') {
        return;
      }
    }
  }
}

/* A bind mount of a file needs a file to mount over. */
static void make_file(const char *path, int phase) {
  char parent[PATH_MAX];
  copy_bounded(parent, sizeof parent, path);
  char *slash = strrchr(parent, '/');
  if (slash != NULL && slash != parent) {
    *slash = '\0';
    make_directories(parent, phase);
  }
  int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0 && errno != EISDIR) {
    fail(phase, "create mount point", path, errno);
  }
  if (fd >= 0 && close(fd) != 0) {
    fail(phase, "close", path, errno);
  }
}

/*
 * A bind mount ignores MS_RDONLY until remounted, and the remount must repeat the flags the
 * kernel locked on it (nosuid, nodev, noexec, atime), or a user namespace refuses it.
 */
static void remount_readonly(const char *target, int phase) {
  struct statfs fs;
  if (statfs(target, &fs) != 0) {
    fail(phase, "statfs", target, errno);
  }
  unsigned long locked =
      (unsigned long)fs.f_flags & (MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME |
                                   MS_RELATIME);
  if (mount(NULL, target, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | locked, NULL) != 0) {
    fail(phase, "remount read-only", target, errno);
  }
}

static void mount_one(const struct hcn_plan *plan, const struct hcn_mount *m, int phase) {
  char target[PATH_MAX];
  join(target, plan->rootfs, m->target, phase);
  if (m->target_is_file) {
    make_file(target, phase);
  } else {
    make_directories(target, phase);
  }
  struct text what;
  if (m->kind == HCN_MOUNT_BIND) {
    if (mount(m->source, target, NULL, MS_BIND | MS_REC, NULL) != 0) {
      text_init(&what, m->source);
      text_add(&what, " on ");
      text_add(&what, target);
      fail(phase, "bind mount", what.s, errno);
    }
    if (m->readonly) {
      remount_readonly(target, phase);
    }
    return;
  }
  unsigned long flags = (unsigned long)m->flags | (m->readonly ? MS_RDONLY : 0);
  if (mount(m->source, target, m->fstype, flags, m->data[0] != '\0' ? m->data : NULL) != 0) {
    text_init(&what, m->fstype);
    text_add(&what, " on ");
    text_add(&what, target);
    if (m->data[0] != '\0') {
      text_add(&what, " (");
      text_add(&what, m->data);
      text_add(&what, ")");
    }
    fail(phase, "mount", what.s, errno);
  }
}

static void mount_stage(const struct hcn_plan *plan, uint32_t stage) {
  for (uint32_t i = 0; i < plan->mount_count; i++) {
    if (plan->mounts[i].stage == stage) {
      mount_one(plan, &plan->mounts[i], (int)stage);
    }
  }
}

static void reset_signals(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  for (int s = 1; s < NSIG; s++) {
    /* KILL and STOP cannot be changed, and glibc reserves two real-time signals (EINVAL). */
    if (s != SIGKILL && s != SIGSTOP && sigaction(s, &action, NULL) != 0 && errno != EINVAL) {
      fail(HACONIWA_PHASE_CONTAINER_START, "sigaction", "reset signal handlers", errno);
    }
  }
  sigset_t none;
  sigemptyset(&none);
  if (sigprocmask(SIG_SETMASK, &none, NULL) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_START, "sigprocmask", "unblock signals", errno);
  }
}

/* The parent writes one byte once the child is in its cgroups and, with a user namespace, mapped. */
static void wait_for_parent(int control_fd, int phase) {
  char go = 0;
  ssize_t n;
  do {
    n = read(control_fd, &go, 1);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    fail(phase, "read", "the control pipe", errno);
  }
  if (n == 0 || go != HCN_CONTROL_GO) {
    /* The parent gave up (or died) and will not read a report: leave quietly. */
    _exit(HCN_EXIT_FAILED);
  }
  if (close(control_fd) != 0) {
    fail(phase, "close", "the control pipe", errno);
  }
}

/* 11: first thing in the child. */
static void phase_start(int control_fd) {
  HACONIWA_PROBE_CONTAINERGEN_NOW(HACONIWA_PHASE_CONTAINER_START);
  reset_signals();
  /* If the runtime dies (even by SIGKILL), so does the container, and with it its pid namespace. */
  if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_START, "prctl", "PR_SET_PDEATHSIG", errno);
  }
  /* The JVM's own descriptors (jars, sockets, the guardian's pipe) must not reach the container. */
  if (hcn_close_other_fds(status_fd, control_fd) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_START, "close_range", "descriptors of the runtime", errno);
  }
  /* Tells the parent the child exists and waits for it: time to write its maps and cgroups. */
  char started = HCN_STATUS_STARTED;
  ssize_t n;
  do {
    n = write(status_fd, &started, 1);
  } while (n < 0 && errno == EINTR);
  if (n != 1) {
    _exit(HCN_EXIT_FAILED); /* nobody reads the status pipe: the parent is gone */
  }
}

static void bring_up_loopback(void) {
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    fail(HACONIWA_PHASE_CONTAINER_NAMESPACE_GENERATED, "socket", "to bring up lo", errno);
  }
  struct ifreq request;
  memset(&request, 0, sizeof request);
  copy_bounded(request.ifr_name, sizeof request.ifr_name, "lo");
  if (ioctl(fd, SIOCGIFFLAGS, &request) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_NAMESPACE_GENERATED, "ioctl SIOCGIFFLAGS", "lo", errno);
  }
  request.ifr_flags |= IFF_UP | IFF_RUNNING;
  if (ioctl(fd, SIOCSIFFLAGS, &request) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_NAMESPACE_GENERATED, "ioctl SIOCSIFFLAGS", "lo up", errno);
  }
  if (close(fd) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_NAMESPACE_GENERATED, "close", "the socket for lo", errno);
  }
}

/* 12: after unshare. */
static void phase_namespaces(const struct hcn_plan *plan) {
  if (plan->unshare_flags != 0 && unshare((int)plan->unshare_flags) != 0) {
    struct text what;
    text_init(&what, "");
    if (plan->unshare_flags & CLONE_NEWNS) text_add(&what, "mount ");
    if (plan->unshare_flags & CLONE_NEWUTS) text_add(&what, "uts ");
    if (plan->unshare_flags & CLONE_NEWIPC) text_add(&what, "ipc ");
    if (plan->unshare_flags & CLONE_NEWNET) text_add(&what, "net ");
    text_add(&what, "namespaces");
    fail(HACONIWA_PHASE_CONTAINER_NAMESPACE_GENERATED, "unshare", what.s, errno);
  }
  if (plan->loopback_up) {
    bring_up_loopback();
  }
  HACONIWA_PROBE_CONTAINERGEN_NOW(HACONIWA_PHASE_CONTAINER_NAMESPACE_GENERATED);
}

/*
 * In a user namespace the child is still the host's root, which the namespace does not map: a
 * file it creates (a mount point in a tmpfs) would have no owner there (EOVERFLOW). So once the
 * parent has written uid_map and gid_map, the child becomes the namespace's root before it
 * builds the file system; phase 17 then has only the hostname left to do.
 */
static void become_mapped_root(void) {
  if (raw_setgroups(0, NULL) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_FILESYSTEM_SETUP, "setgroups", "none", errno);
  }
  if (raw_setresgid(0, 0, 0) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_FILESYSTEM_SETUP, "setresgid", "0 (is gid 0 in gid_map?)", errno);
  }
  if (raw_setresuid(0, 0, 0) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_FILESYSTEM_SETUP, "setresuid", "0 (is uid 0 in uid_map?)", errno);
  }
}

/* 13: after the root file system and the bind and tmpfs mounts. */
static void phase_filesystem(const struct hcn_plan *plan, int control_fd) {
  wait_for_parent(control_fd, HACONIWA_PHASE_CONTAINER_FILESYSTEM_SETUP);
  if (plan->clone_flags & CLONE_NEWUSER) {
    become_mapped_root();
  }
  /* A shared / would carry every mount below back to the host. */
  if ((plan->unshare_flags & CLONE_NEWNS) &&
      mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_FILESYSTEM_SETUP, "mount", "/ private (MS_REC|MS_PRIVATE)", errno);
  }
  /* pivot_root needs the new root to be a mount point. */
  if (plan->rootfs[0] != '\0' &&
      mount(plan->rootfs, plan->rootfs, NULL, MS_BIND | MS_REC, NULL) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_FILESYSTEM_SETUP, "bind mount", plan->rootfs, errno);
  }
  mount_stage(plan, HCN_STAGE_FILESYSTEM);
  HACONIWA_PROBE_CONTAINERGEN_NOW(HACONIWA_PHASE_CONTAINER_FILESYSTEM_SETUP);
}

/* 14: after rlimits. */
static void phase_rlimits(const struct hcn_plan *plan) {
  for (uint32_t i = 0; i < plan->rlimit_count; i++) {
    struct rlimit limit = {(rlim_t)plan->rlimits[i].soft, (rlim_t)plan->rlimits[i].hard};
    if (setrlimit((int)plan->rlimits[i].resource, &limit) != 0) {
      char number[12];
      int n = (int)sizeof number - 1;
      number[n] = '\0';
      uint32_t r = plan->rlimits[i].resource;
      do {
        number[--n] = (char)('0' + r % 10);
        r /= 10;
      } while (r != 0 && n > 0);
      struct text what;
      text_init(&what, "resource ");
      text_add(&what, number + n);
      fail(HACONIWA_PHASE_CONTAINER_RLIMIT_SETUP, "setrlimit", what.s, errno);
    }
  }
  HACONIWA_PROBE_CONTAINERGEN_NOW(HACONIWA_PHASE_CONTAINER_RLIMIT_SETUP);
}

/* 15: after joining cgroups (the parent moved the child before it let phase 13 go on). */
static void phase_cgroups(const struct hcn_plan *plan) {
  if (plan->cgroup_namespace && unshare(CLONE_NEWCGROUP) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_CGROUP_SETUP, "unshare", "cgroup namespace", errno);
  }
  HACONIWA_PROBE_CONTAINERGEN_NOW(HACONIWA_PHASE_CONTAINER_CGROUP_SETUP);
}

/* 16: after the proc, sysfs, devpts and mqueue mounts. */
static void phase_remount(const struct hcn_plan *plan) {
  mount_stage(plan, HCN_STAGE_REMOUNT);
  HACONIWA_PROBE_CONTAINERGEN_NOW(HACONIWA_PHASE_CONTAINER_REMOUNTED);
}

/* 17: after the hostname (and the id maps, adopted at the start of phase 13). */
static void phase_identity(const struct hcn_plan *plan) {
  if (plan->hostname[0] != '\0' && sethostname(plan->hostname, strlen(plan->hostname)) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_UID_MAPPING_SETUP, "sethostname", plan->hostname, errno);
  }
  HACONIWA_PROBE_CONTAINERGEN_NOW(HACONIWA_PHASE_CONTAINER_UID_MAPPING_SETUP);
}

/* 18: after pivot_root (or chroot) and changing to the working directory. */
static void phase_chroot(const struct hcn_plan *plan) {
  if (plan->rootfs[0] != '\0') {
    if (chdir(plan->rootfs) != 0) {
      fail(HACONIWA_PHASE_CONTAINER_CHROOTED, "chdir", plan->rootfs, errno);
    }
    if (plan->root_mode == HCN_ROOT_PIVOT) {
      /* pivot_root(".", ".") stacks the old root under the new one; detaching it leaves the new. */
      if (syscall(SYS_pivot_root, ".", ".") != 0) {
        fail(HACONIWA_PHASE_CONTAINER_CHROOTED, "pivot_root", plan->rootfs, errno);
      }
      if (umount2(".", MNT_DETACH) != 0) {
        fail(HACONIWA_PHASE_CONTAINER_CHROOTED, "umount2", "the old root", errno);
      }
    } else if (chroot(".") != 0) {
      fail(HACONIWA_PHASE_CONTAINER_CHROOTED, "chroot", plan->rootfs, errno);
    }
    if (chdir("/") != 0) {
      fail(HACONIWA_PHASE_CONTAINER_CHROOTED, "chdir", "/", errno);
    }
    if (plan->root_readonly) {
      remount_readonly("/", HACONIWA_PHASE_CONTAINER_CHROOTED);
    }
  }
  if (plan->workdir[0] != '\0' && chdir(plan->workdir) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_CHROOTED, "chdir", plan->workdir, errno);
  }
  HACONIWA_PROBE_CONTAINERGEN_NOW(HACONIWA_PHASE_CONTAINER_CHROOTED);
}

static void drop_bounding_set(const struct hcn_plan *plan) {
  for (uint32_t cap = 0; cap <= plan->last_capability && cap < 64; cap++) {
    if (!(plan->keep_capabilities >> cap & 1) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 &&
        errno != EINVAL) { /* EINVAL: a capability this kernel does not have */
      fail(HACONIWA_PHASE_CONTAINER_CAPABILITY_SETUP, "prctl", "PR_CAPBSET_DROP", errno);
    }
  }
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) {
    fail(HACONIWA_PHASE_CONTAINER_CAPABILITY_SETUP, "prctl", "PR_CAP_AMBIENT_CLEAR_ALL", errno);
  }
}

static void switch_user(const struct hcn_plan *plan) {
  if (raw_setgroups(plan->group_count, (const gid_t *)plan->groups) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_CAPABILITY_SETUP, "setgroups", "user.groups", errno);
  }
  if (raw_setresgid(plan->gid, plan->gid, plan->gid) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_CAPABILITY_SETUP, "setresgid", "user.gid", errno);
  }
  if (raw_setresuid(plan->uid, plan->uid, plan->uid) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_CAPABILITY_SETUP, "setresuid", "user.uid", errno);
  }
}

static void limit_capability_sets(const struct hcn_plan *plan) {
  struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
  if (syscall(SYS_capget, &header, data) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_CAPABILITY_SETUP, "capget", "", errno);
  }
  for (int i = 0; i < _LINUX_CAPABILITY_U32S_3; i++) {
    uint32_t keep = (uint32_t)(plan->keep_capabilities >> (32 * i));
    data[i].effective &= keep;
    data[i].permitted &= keep;
    data[i].inheritable &= keep;
  }
  if (syscall(SYS_capset, &header, data) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_CAPABILITY_SETUP, "capset", "", errno);
  }
}

/* 19: after dropping capabilities (and switching to the container's user). */
static void phase_capabilities(const struct hcn_plan *plan) {
  if (plan->set_capabilities) {
    drop_bounding_set(plan);
  }
  if (plan->switch_user) {
    switch_user(plan);
  }
  if (plan->set_capabilities) {
    limit_capability_sets(plan);
  }
  /* Changing credentials cleared the parent-death signal; arm it again for the command. */
  if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_CAPABILITY_SETUP, "prctl", "PR_SET_PDEATHSIG", errno);
  }
  HACONIWA_PROBE_CONTAINERGEN_NOW(HACONIWA_PHASE_CONTAINER_CAPABILITY_SETUP);
}

/* 20: after seccomp. */
static void phase_seccomp(const struct hcn_plan *plan) {
  if (plan->no_new_privileges && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_SECCOMP_SETUP, "prctl", "PR_SET_NO_NEW_PRIVS", errno);
  }
  if (plan->seccomp.len > 0 &&
      prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &plan->seccomp, 0, 0) != 0) {
    fail(HACONIWA_PHASE_CONTAINER_SECCOMP_SETUP, "prctl", "PR_SET_SECCOMP", errno);
  }
  HACONIWA_PROBE_CONTAINERGEN_NOW(HACONIWA_PHASE_CONTAINER_SECCOMP_SETUP);
}

static const char *path_of(char *const *envp) {
  for (char *const *e = envp; *e != NULL; e++) {
    if (strncmp(*e, "PATH=", 5) == 0) {
      return *e + 5;
    }
  }
  return "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
}

/* 21: just before execve; searches the container's PATH like execvp, without allocating. */
__attribute__((noreturn)) static void phase_exec(const struct hcn_plan *plan) {
  HACONIWA_PROBE_CONTAINERGEN_NOW(HACONIWA_PHASE_CONTAINER_EXECING);
  const char *command = plan->argv[0];
  if (strchr(command, '/') != NULL) {
    execve(command, plan->argv, plan->envp);
    fail(HACONIWA_PHASE_CONTAINER_EXECING, "execve", command, errno);
  }
  int error = ENOENT;
  char candidate[PATH_MAX];
  for (const char *dir = path_of(plan->envp);; dir++) {
    const char *end = strchrnul(dir, ':');
    size_t d = (size_t)(end - dir);
    size_t c = strlen(command);
    if (d + c + 2 <= sizeof candidate) {
      memcpy(candidate, dir, d);
      candidate[d] = '/';
      memcpy(candidate + d + 1, command, c + 1);
      execve(d == 0 ? command : candidate, plan->argv, plan->envp);
      if (errno == EACCES) {
        error = EACCES; /* as execvp: remember it, but a later directory may still have it */
      } else if (errno != ENOENT && errno != ENOTDIR) {
        fail(HACONIWA_PHASE_CONTAINER_EXECING, "execve", candidate, errno);
      }
    }
    if (*end == '\0') {
      break;
    }
    dir = end;
  }
  fail(HACONIWA_PHASE_CONTAINER_EXECING, "execve", command, error);
}

int hcn_child_main(void *argument) {
  const struct hcn_child_start *start = argument;
  const struct hcn_plan *plan = start->plan;
  int control_fd = start->control_fd;
  status_fd = start->status_fd;
  phase_start(control_fd);
  phase_namespaces(plan);
  phase_filesystem(plan, control_fd);
  phase_rlimits(plan);
  phase_cgroups(plan);
  phase_remount(plan);
  phase_identity(plan);
  phase_chroot(plan);
  phase_capabilities(plan);
  phase_seccomp(plan);
  phase_exec(plan);
}
