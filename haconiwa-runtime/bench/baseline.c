/*
 * The C baseline of boot-latency.sh: a container runtime in one small C program doing the syscalls
 * a container boot needs, in Haconiwa's phase order, so the Java runtime has a floor to compare
 * with. It fires the same USDT probes (haconiwa:probe-boottime phase 2, probe-containergen phases
 * 11 to 21), so `haconiwa trace --library baseline` reports it like the real runtime, and it also
 * measures its own fork->exec: with BASELINE_REPORT=FILE it appends the nanoseconds from just
 * before clone() to just before execve() to FILE, one line per boot.
 *
 *   baseline ROOTFS COMMAND [ARG...]
 *
 * Namespaces: mount, uts, ipc, pid, net (and user with BASELINE_USERNS=1, mapping root to root).
 * cgroup v1 memory (64 MiB), pids (64) and cpu (shares 512), joined by the parent before the
 * child goes on; rlimit NOFILE 1024; a private bind of ROOTFS, proc, sysfs and a tmpfs /dev;
 * hostname "baseline"; pivot_root; Docker's default capability set; no_new_privs and a seccomp
 * deny list (mount, umount2, pivot_root, reboot, kexec_load, modules, swap, ptrace, keyctl...).
 * Every failing syscall is reported with errno and its phase; exit status 125 (setup failed in the
 * parent), 126 (in the child), else the command's own.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sdt.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STACK_SIZE (1024 * 1024)
static const char *const CGROUPS[] = {"memory", "pids", "cpu"};
#define NCGROUPS (sizeof CGROUPS / sizeof CGROUPS[0])

struct child_args {
  const char *rootfs;
  char **argv;
  int sync_fd;
  volatile int64_t *exec_ns;
};

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_BOOTTIME, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void fire_child(long phase) {
  struct timespec ts;
  clock_gettime(CLOCK_BOOTTIME, &ts);
  DTRACE_PROBE3(haconiwa, probe-containergen, phase, (long)ts.tv_sec, (long)ts.tv_nsec);
}

static int64_t fire_parent(long phase) {
  struct timespec ts;
  clock_gettime(CLOCK_BOOTTIME, &ts);
  DTRACE_PROBE3(haconiwa, probe-boottime, phase, (long)ts.tv_sec, (long)ts.tv_nsec);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void die(const char *phase, const char *what) {
  fprintf(stderr, "baseline: %s: %s: %s\n", phase, what, strerror(errno));
  _exit(126);
}

static int write_file(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    return -1;
  }
  ssize_t n = write(fd, text, strlen(text));
  int saved = errno;
  close(fd);
  errno = saved;
  return n == (ssize_t)strlen(text) ? 0 : -1;
}

static void setup_filesystem(const char *rootfs) {
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) die("filesystem", "make / private");
  if (mount(rootfs, rootfs, NULL, MS_BIND | MS_REC, NULL) < 0) die("filesystem", "bind rootfs");
}

static void setup_rlimits(void) {
  struct rlimit limit = {1024, 1024};
  if (setrlimit(RLIMIT_NOFILE, &limit) < 0) die("rlimit", "setrlimit NOFILE");
}

static void wait_for_cgroups(int sync_fd) {
  char go;
  if (read(sync_fd, &go, 1) != 1) die("cgroup", "wait for the parent to join the cgroups");
  close(sync_fd);
}

static void remount(const char *rootfs) {
  char path[4096];
  snprintf(path, sizeof path, "%s/proc", rootfs);
  if (mount("proc", path, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0) die("remount", "proc");
  snprintf(path, sizeof path, "%s/sys", rootfs);
  if (mount("sysfs", path, "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY, NULL) < 0)
    die("remount", "sysfs");
  snprintf(path, sizeof path, "%s/dev", rootfs);
  if (mount("tmpfs", path, "tmpfs", MS_NOSUID, "mode=755,size=64k") < 0) die("remount", "dev tmpfs");
}

static void setup_uts(void) {
  if (sethostname("baseline", 8) < 0) die("uid mapping", "sethostname");
}

static void chroot_into(const char *rootfs) {
  char old[4096];
  snprintf(old, sizeof old, "%s/.oldroot", rootfs);
  if (mkdir(old, 0700) < 0 && errno != EEXIST) die("chroot", "mkdir .oldroot");
  if (syscall(SYS_pivot_root, rootfs, old) < 0) die("chroot", "pivot_root");
  if (chdir("/") < 0) die("chroot", "chdir /");
  if (umount2("/.oldroot", MNT_DETACH) < 0) die("chroot", "umount old root");
  if (rmdir("/.oldroot") < 0) die("chroot", "rmdir old root");
}

static void drop_capabilities(void) {
  /* Docker's default set. */
  const int keep[] = {CAP_CHOWN,  CAP_DAC_OVERRIDE, CAP_FSETID,     CAP_FOWNER,
                      CAP_MKNOD,  CAP_NET_RAW,      CAP_SETGID,     CAP_SETUID,
                      CAP_SETFCAP, CAP_SETPCAP,     CAP_NET_BIND_SERVICE, CAP_SYS_CHROOT,
                      CAP_KILL,   CAP_AUDIT_WRITE};
  uint64_t mask = 0;
  for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) mask |= 1ULL << keep[i];
  for (int cap = 0; cap < 64; cap++) {
    if (mask & (1ULL << cap)) continue;
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0) {
      if (errno == EINVAL) break; /* past the kernel's last capability */
      die("capability", "PR_CAPBSET_DROP");
    }
  }
  struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2] = {
      {(uint32_t)mask, (uint32_t)mask, (uint32_t)mask},
      {(uint32_t)(mask >> 32), (uint32_t)(mask >> 32), (uint32_t)(mask >> 32)}};
  if (syscall(SYS_capset, &header, data) < 0) die("capability", "capset");
}

#define DENY(nr) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), \
                 BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM)

static void setup_seccomp(void) {
  struct sock_filter filter[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      DENY(SYS_mount), DENY(SYS_umount2), DENY(SYS_pivot_root), DENY(SYS_reboot),
      DENY(SYS_kexec_load), DENY(SYS_init_module), DENY(SYS_finit_module),
      DENY(SYS_delete_module), DENY(SYS_swapon), DENY(SYS_swapoff), DENY(SYS_ptrace),
      DENY(SYS_keyctl), DENY(SYS_add_key), DENY(SYS_request_key), DENY(SYS_unshare),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog program = {sizeof filter / sizeof filter[0], filter};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) die("seccomp", "PR_SET_NO_NEW_PRIVS");
  if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) < 0) die("seccomp", "PR_SET_SECCOMP");
}

static int child(void *arg) {
  struct child_args *a = arg;
  fire_child(11);
  fire_child(12); /* clone() made the namespaces */
  setup_filesystem(a->rootfs);
  fire_child(13);
  setup_rlimits();
  fire_child(14);
  wait_for_cgroups(a->sync_fd);
  fire_child(15);
  remount(a->rootfs);
  fire_child(16);
  setup_uts();
  fire_child(17);
  chroot_into(a->rootfs);
  fire_child(18);
  drop_capabilities();
  fire_child(19);
  setup_seccomp();
  fire_child(20);
  *a->exec_ns = now_ns();
  fire_child(21);
  execvp(a->argv[0], a->argv);
  die("exec", a->argv[0]);
  return 126;
}

static void fail(const char *what) {
  fprintf(stderr, "baseline: %s: %s\n", what, strerror(errno));
  exit(125);
}

static void map_ids(pid_t pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/uid_map", pid);
  if (write_file(path, "0 0 1\n") < 0) fail("uid_map");
  snprintf(path, sizeof path, "/proc/%d/setgroups", pid);
  if (write_file(path, "deny") < 0) fail("setgroups");
  snprintf(path, sizeof path, "/proc/%d/gid_map", pid);
  if (write_file(path, "0 0 1\n") < 0) fail("gid_map");
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: baseline ROOTFS COMMAND [ARG...]\n");
    return 125;
  }
  fire_parent(0);
  char cgroups[NCGROUPS][256];
  for (size_t i = 0; i < NCGROUPS; i++) {
    snprintf(cgroups[i], sizeof cgroups[i], "/sys/fs/cgroup/%s/baseline-%d", CGROUPS[i], getpid());
    if (mkdir(cgroups[i], 0755) < 0) fail(cgroups[i]);
  }
  char limit[1024];
  snprintf(limit, sizeof limit, "%s/memory.limit_in_bytes", cgroups[0]);
  if (write_file(limit, "67108864") < 0) fail(limit);
  snprintf(limit, sizeof limit, "%s/pids.max", cgroups[1]);
  if (write_file(limit, "64") < 0) fail(limit);
  snprintf(limit, sizeof limit, "%s/cpu.shares", cgroups[2]);
  if (write_file(limit, "512") < 0) fail(limit);

  int sync[2];
  if (pipe2(sync, O_CLOEXEC) < 0) fail("pipe");
  volatile int64_t *exec_ns =
      mmap(NULL, sizeof(int64_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (exec_ns == MAP_FAILED) fail("mmap");
  *exec_ns = 0;
  struct child_args args = {argv[1], argv + 2, sync[0], exec_ns};
  char *stack = malloc(STACK_SIZE);
  if (stack == NULL) fail("malloc");
  int flags = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | CLONE_NEWNET | SIGCHLD;
  const char *userns = getenv("BASELINE_USERNS");
  if (userns != NULL && strcmp(userns, "1") == 0) flags |= CLONE_NEWUSER;
  int64_t fork_ns = fire_parent(2);
  pid_t pid = clone(child, stack + STACK_SIZE, flags, &args);
  if (pid < 0) fail("clone");
  close(sync[0]);
  if (flags & CLONE_NEWUSER) map_ids(pid);
  char procs[1024], text[32];
  snprintf(text, sizeof text, "%d", pid);
  for (size_t i = 0; i < NCGROUPS; i++) {
    snprintf(procs, sizeof procs, "%s/cgroup.procs", cgroups[i]);
    if (write_file(procs, text) < 0) {
      kill(pid, SIGKILL);
      fail(procs);
    }
  }
  if (write(sync[1], "g", 1) != 1) fail("release the child");
  close(sync[1]);
  fire_parent(3);
  fire_parent(4);
  int status;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) fail("waitpid");
  }
  fire_parent(5);
  for (size_t i = 0; i < NCGROUPS; i++) {
    if (rmdir(cgroups[i]) < 0) fprintf(stderr, "baseline: rmdir %s: %s\n", cgroups[i], strerror(errno));
  }
  fire_parent(6);
  const char *report = getenv("BASELINE_REPORT");
  if (report != NULL && *exec_ns != 0) {
    FILE *out = fopen(report, "a");
    if (out == NULL) fail(report);
    fprintf(out, "%lld\n", (long long)(*exec_ns - fork_ns));
    fclose(out);
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}
