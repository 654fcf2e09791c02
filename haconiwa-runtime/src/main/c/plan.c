/*
 * Reads the plan ChildPlan.java writes: little-endian words, strings as a 32-bit length and the
 * bytes. Runs in the parent, before the clone, so it may allocate; the child only reads the
 * result (its own copy-on-write copy).
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include "container.h"

struct cursor {
  const uint8_t *bytes;
  size_t length;
  size_t offset;
  int failed;
};

static uint32_t read_u32(struct cursor *c) {
  if (c->failed || c->length - c->offset < 4) {
    c->failed = 1;
    return 0;
  }
  const uint8_t *p = c->bytes + c->offset;
  c->offset += 4;
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t read_u64(struct cursor *c) {
  uint64_t low = read_u32(c);
  uint64_t high = read_u32(c);
  return low | high << 32;
}

static char *read_string(struct cursor *c) {
  uint32_t size = read_u32(c);
  if (c->failed || c->length - c->offset < size) {
    c->failed = 1;
    return NULL;
  }
  char *s = malloc((size_t)size + 1);
  if (s == NULL) {
    c->failed = 1;
    return NULL;
  }
  memcpy(s, c->bytes + c->offset, size);
  s[size] = '\0';
  c->offset += size;
  return s;
}

/* A count followed by that many elements: refuses counts the remaining bytes cannot hold. */
static uint32_t read_count(struct cursor *c, size_t min_element_size) {
  uint32_t count = read_u32(c);
  if (!c->failed && (size_t)count * min_element_size > c->length - c->offset) {
    c->failed = 1;
    return 0;
  }
  return count;
}

static char **read_strings(struct cursor *c) {
  uint32_t count = read_count(c, 4);
  char **strings = calloc((size_t)count + 1, sizeof(char *));
  if (strings == NULL) {
    c->failed = 1;
    return NULL;
  }
  for (uint32_t i = 0; i < count && !c->failed; i++) {
    strings[i] = read_string(c);
  }
  return strings;
}

static void free_strings(char **strings) {
  if (strings != NULL) {
    for (char **s = strings; *s != NULL; s++) {
      free(*s);
    }
    free(strings);
  }
}

static void read_mounts(struct cursor *c, struct hcn_plan *plan) {
  plan->mount_count = read_count(c, 40);
  plan->mounts = calloc(plan->mount_count ? plan->mount_count : 1, sizeof(struct hcn_mount));
  if (plan->mounts == NULL) {
    c->failed = 1;
    plan->mount_count = 0;
    return;
  }
  for (uint32_t i = 0; i < plan->mount_count && !c->failed; i++) {
    struct hcn_mount *m = &plan->mounts[i];
    m->stage = read_u32(c);
    m->kind = read_u32(c);
    m->source = read_string(c);
    m->target = read_string(c);
    m->fstype = read_string(c);
    m->flags = read_u64(c);
    m->data = read_string(c);
    m->readonly = read_u32(c);
    m->target_is_file = read_u32(c);
  }
}

static void read_rlimits(struct cursor *c, struct hcn_plan *plan) {
  plan->rlimit_count = read_count(c, 20);
  plan->rlimits = calloc(plan->rlimit_count ? plan->rlimit_count : 1, sizeof(struct hcn_rlimit));
  if (plan->rlimits == NULL) {
    c->failed = 1;
    plan->rlimit_count = 0;
    return;
  }
  for (uint32_t i = 0; i < plan->rlimit_count && !c->failed; i++) {
    plan->rlimits[i].resource = read_u32(c);
    plan->rlimits[i].soft = read_u64(c);
    plan->rlimits[i].hard = read_u64(c);
  }
}

static uint32_t *read_u32_array(struct cursor *c, uint32_t *count) {
  *count = read_count(c, 4);
  uint32_t *values = calloc(*count ? *count : 1, sizeof(uint32_t));
  if (values == NULL) {
    c->failed = 1;
    *count = 0;
    return NULL;
  }
  for (uint32_t i = 0; i < *count && !c->failed; i++) {
    values[i] = read_u32(c);
  }
  return values;
}

struct hcn_plan *hcn_plan_read(const uint8_t *bytes, size_t length, const char **error) {
  struct cursor c = {bytes, length, 0, 0};
  if (read_u32(&c) != HCN_PLAN_MAGIC || read_u32(&c) != HCN_PLAN_VERSION) {
    *error = "the plan does not start with HCNP version 1: Java and C are from different builds";
    return NULL;
  }
  struct hcn_plan *plan = calloc(1, sizeof(struct hcn_plan));
  if (plan == NULL) {
    *error = "out of memory reading the plan";
    return NULL;
  }
  plan->clone_flags = read_u64(&c);
  plan->unshare_flags = read_u64(&c);
  plan->cgroup_namespace = read_u32(&c);
  plan->loopback_up = read_u32(&c);
  plan->hostname = read_string(&c);
  plan->rootfs = read_string(&c);
  plan->root_mode = read_u32(&c);
  plan->root_readonly = read_u32(&c);
  read_mounts(&c, plan);
  read_rlimits(&c, plan);
  plan->switch_user = read_u32(&c);
  plan->uid = read_u32(&c);
  plan->gid = read_u32(&c);
  plan->groups = read_u32_array(&c, &plan->group_count);
  plan->set_capabilities = read_u32(&c);
  plan->keep_capabilities = read_u64(&c);
  plan->last_capability = read_u32(&c);
  plan->no_new_privileges = read_u32(&c);
  plan->seccomp_errno = read_u32(&c);
  plan->syscalls = read_u32_array(&c, &plan->syscall_count);
  plan->workdir = read_string(&c);
  plan->argv = read_strings(&c);
  plan->envp = read_strings(&c);
  plan->uid_map = read_string(&c);
  plan->gid_map = read_string(&c);
  plan->cgroup_procs = read_strings(&c);
  if (c.failed || c.offset != c.length) {
    *error = c.failed ? "the plan is truncated or out of memory" : "the plan has trailing bytes";
    hcn_plan_free(plan);
    return NULL;
  }
  if (plan->argv[0] == NULL) {
    *error = "the plan has no command";
    hcn_plan_free(plan);
    return NULL;
  }
  if (hcn_seccomp_build(plan) != 0) {
    *error = "out of memory building the seccomp filter";
    hcn_plan_free(plan);
    return NULL;
  }
  return plan;
}

void hcn_plan_free(struct hcn_plan *plan) {
  if (plan == NULL) {
    return;
  }
  free(plan->hostname);
  free(plan->rootfs);
  for (uint32_t i = 0; i < plan->mount_count; i++) {
    free(plan->mounts[i].source);
    free(plan->mounts[i].target);
    free(plan->mounts[i].fstype);
    free(plan->mounts[i].data);
  }
  free(plan->mounts);
  free(plan->rlimits);
  free(plan->groups);
  free(plan->syscalls);
  free(plan->seccomp.filter);
  free(plan->workdir);
  free_strings(plan->argv);
  free_strings(plan->envp);
  free(plan->uid_map);
  free(plan->gid_map);
  free_strings(plan->cgroup_procs);
  free(plan);
}
