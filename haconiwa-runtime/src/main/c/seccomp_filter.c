/*
 * The seccomp deny list as a classic BPF program, without libseccomp: a denied system call
 * returns the configured errno, every other one is allowed. Built in the parent; the child only
 * installs it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include "container.h"
#include "syscall_names.h"

#if defined(__x86_64__)
#define HCN_AUDIT_ARCH AUDIT_ARCH_X86_64
/* x32 system calls carry this bit; they reach the same kernel code under other numbers. */
#define HCN_X32_SYSCALL_BIT 0x40000000u
#elif defined(__aarch64__)
#define HCN_AUDIT_ARCH AUDIT_ARCH_AARCH64
#else
#error "haconiwa's seccomp filter knows x86_64 and aarch64 only"
#endif

int hcn_syscall_number(const char *name) {
  for (size_t i = 0; i < sizeof(haconiwa_syscall_names) / sizeof(haconiwa_syscall_names[0]); i++) {
    if (strcmp(haconiwa_syscall_names[i].name, name) == 0) {
      return haconiwa_syscall_names[i].number;
    }
  }
  return -1;
}

int hcn_seccomp_build(struct hcn_plan *plan) {
  plan->seccomp.len = 0;
  plan->seccomp.filter = NULL;
  if (plan->syscall_count == 0) {
    return 0;
  }
  uint32_t deny = SECCOMP_RET_ERRNO | (plan->seccomp_errno & SECCOMP_RET_DATA);
  size_t length = 7 + 2 * (size_t)plan->syscall_count;
  struct sock_filter *f = calloc(length, sizeof(struct sock_filter));
  if (f == NULL) {
    return -1;
  }
  size_t i = 0;
  /*
   * Another ABI (i386 through int 0x80 on x86_64) numbers system calls differently, so a list
   * of x86_64 numbers says nothing about it: such calls are refused as if not implemented.
   */
  f[i++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  f[i++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, HCN_AUDIT_ARCH, 1, 0);
  f[i++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
  f[i++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
#ifdef HCN_X32_SYSCALL_BIT
  f[i++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, HCN_X32_SYSCALL_BIT, 0, 1);
  f[i++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
#endif
  /* One compare and one return per call keeps every jump offset 0 or 1, whatever the list size. */
  for (uint32_t s = 0; s < plan->syscall_count; s++) {
    f[i++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, plan->syscalls[s], 0, 1);
    f[i++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, deny);
  }
  f[i++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  plan->seccomp.len = (unsigned short)i;
  plan->seccomp.filter = f;
  return 0;
}
