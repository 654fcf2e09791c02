/*
 * The container child: what the Java side (ChildPlan) tells it to do, and how it reports a
 * failure back. Shared by the JNI entry points (native_jni.c), the plan reader (plan.c), the
 * child (child.c) and the seccomp filter (seccomp_filter.c).
 */
#ifndef HACONIWA_CONTAINER_H
#define HACONIWA_CONTAINER_H

#include <stddef.h>
#include <stdint.h>
#include <linux/filter.h>

/* The plan's first two words; ChildPlan.java writes the same. */
#define HCN_PLAN_MAGIC 0x504e4348u /* "HCNP" little-endian */
#define HCN_PLAN_VERSION 1u

/* The failure record's first word; ChildFailure.java reads the same. */
#define HCN_FAILURE_MAGIC 0x464e4348u /* "HCNF" little-endian */

/* The one byte the parent writes on the control pipe once cgroups and id maps are in place. */
#define HCN_CONTROL_GO 'G'

/* The first byte on the status pipe: the child exists and waits for HCN_CONTROL_GO. */
#define HCN_STATUS_STARTED 'S'

enum hcn_mount_stage { HCN_STAGE_FILESYSTEM = 13, HCN_STAGE_REMOUNT = 16 };
enum hcn_mount_kind { HCN_MOUNT_FILESYSTEM = 0, HCN_MOUNT_BIND = 1 };
enum hcn_root_mode { HCN_ROOT_PIVOT = 0, HCN_ROOT_CHROOT = 1 };

struct hcn_mount {
  uint32_t stage;
  uint32_t kind;
  char *source;
  char *target; /* absolute, inside the container */
  char *fstype;
  uint64_t flags;
  char *data;
  uint32_t readonly;
  uint32_t target_is_file;
};

struct hcn_rlimit {
  uint32_t resource;
  uint64_t soft;
  uint64_t hard;
};

/* Everything the child does, decided by Java before the clone; the child only reads it. */
struct hcn_plan {
  uint64_t clone_flags;
  uint64_t unshare_flags;
  uint32_t cgroup_namespace;
  uint32_t loopback_up;
  char *hostname;
  char *rootfs;
  uint32_t root_mode;
  uint32_t root_readonly;
  uint32_t mount_count;
  struct hcn_mount *mounts;
  uint32_t rlimit_count;
  struct hcn_rlimit *rlimits;
  uint32_t switch_user;
  uint32_t uid;
  uint32_t gid;
  uint32_t group_count;
  uint32_t *groups;
  uint32_t set_capabilities;
  uint64_t keep_capabilities;
  uint32_t last_capability;
  uint32_t no_new_privileges;
  uint32_t seccomp_errno;
  uint32_t syscall_count;
  uint32_t *syscalls;
  struct sock_fprog seccomp; /* built from syscalls by the parent; len 0 if none */
  char *workdir;
  char **argv; /* NULL-terminated */
  char **envp; /* NULL-terminated */
  /* For the parent, right after the clone: */
  char *uid_map;       /* written to /proc/PID/uid_map with a user namespace, else empty */
  char *gid_map;
  char **cgroup_procs; /* the cgroup.procs files the child is moved into; NULL-terminated */
};

/*
 * What the child writes to the status pipe when a step fails, in one write (smaller than
 * PIPE_BUF, so it arrives whole), before it exits.
 */
struct hcn_failure {
  uint32_t magic;
  int32_t phase;
  int32_t error;
  char step[32];
  char detail[440];
};

/* plan.c: reads a plan; on failure returns NULL and sets *error to a static message. */
struct hcn_plan *hcn_plan_read(const uint8_t *bytes, size_t length, const char **error);
void hcn_plan_free(struct hcn_plan *plan);

/* seccomp_filter.c: fills plan->seccomp from plan->syscalls; returns 0 or -1 (out of memory). */
int hcn_seccomp_build(struct hcn_plan *plan);
/* The number of a system call on this architecture, or -1. */
int hcn_syscall_number(const char *name);

/* What the cloned child starts from. */
struct hcn_child_start {
  const struct hcn_plan *plan;
  int status_fd;
  int control_fd;
};

/* child.c: the entry of the cloned child (a clone(2) function); execs or exits, never returns. */
int hcn_child_main(void *start);

/* guardian.c: runs in the guardian and never returns. */
__attribute__((noreturn)) void hcn_guardian_main(int watch_fd, char **cgroup_dirs,
                                                 const char *state_file, const char *state_dir);

/*
 * guardian.c: starts the guardian as a process that shares the JVM's memory (CLONE_VM), on a
 * stack of its own in a mapping that also holds its copies of the paths. Returns its pid and the
 * mapping (to release with hcn_guardian_release once it is reaped), or -1 with errno set.
 */
long hcn_guardian_start(int watch_fd, char *const *cgroup_dirs, const char *state_file,
                        const char *state_dir, void **area, size_t *area_size);

void hcn_guardian_release(void *area, size_t area_size);

/* Closes every descriptor from 3 up except keep_a and keep_b (-1 for none); async-signal-safe. */
int hcn_close_other_fds(int keep_a, int keep_b);

#endif /* HACONIWA_CONTAINER_H */
