/* Closing inherited descriptors in a forked copy of the JVM, async-signal-safely. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "container.h"

#ifndef SYS_close_range
#define SYS_close_range 436
#endif

static int close_between(unsigned int first, unsigned int last) {
  if (first > last) {
    return 0;
  }
  if (syscall(SYS_close_range, first, last, 0) == 0) {
    return 0;
  }
  if (errno != ENOSYS) {
    return -1;
  }
  /* Kernels before 5.9: close one by one, up to the descriptor limit. */
  struct rlimit limit;
  unsigned int end = last;
  rlim_t max = getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY
                  ? limit.rlim_cur - 1
                  : 65535;
  if (max < end) {
    end = (unsigned int)max;
  }
  for (unsigned int fd = first; fd <= end; fd++) {
    close((int)fd); /* EBADF for the many that were never open is the expected answer */
  }
  return 0;
}

int hcn_close_other_fds(int keep_a, int keep_b) {
  unsigned int low = keep_a < keep_b ? (unsigned int)keep_a : (unsigned int)keep_b;
  unsigned int high = keep_a < keep_b ? (unsigned int)keep_b : (unsigned int)keep_a;
  if (keep_a < 0 || keep_b < 0) {
    low = high = (unsigned int)(keep_a < 0 ? keep_b : keep_a);
  }
  if (low < 3 || high < 3) {
    errno = EINVAL;
    return -1;
  }
  if (close_between(3, low - 1) != 0 || close_between(low + 1, high - 1) != 0 ||
      close_between(high + 1, UINT_MAX) != 0) {
    return -1;
  }
  return 0;
}
