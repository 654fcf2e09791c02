/*
 * Runs a command N times, one after the other, and prints each run's wall time from fork to the
 * end of waitpid, in nanoseconds, one line per run. "{}" in an argument becomes the run's number
 * (runc needs a fresh container id each time). Stops at the first run that fails.
 *
 *   repeat N COMMAND [ARG...]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char *substitute(const char *arg, int run) {
  const char *at = strstr(arg, "{}");
  if (at == NULL) return strdup(arg);
  char *out;
  if (asprintf(&out, "%.*s%d%s", (int)(at - arg), arg, run, at + 2) < 0) return NULL;
  return out;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: repeat N COMMAND [ARG...]\n");
    return 2;
  }
  int runs = atoi(argv[1]);
  int n = argc - 2;
  char **command = calloc(n + 1, sizeof *command);
  for (int run = 1; run <= runs; run++) {
    for (int i = 0; i < n; i++) command[i] = substitute(argv[i + 2], run);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) {
      perror("repeat: fork");
      return 2;
    }
    if (pid == 0) {
      execvp(command[0], command);
      fprintf(stderr, "repeat: %s: %s\n", command[0], strerror(errno));
      _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fprintf(stderr, "repeat: run %d of %s failed with status %d\n", run, command[0],
              WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
      return 1;
    }
    printf("%lld\n", (long long)(end.tv_sec - start.tv_sec) * 1000000000LL +
                         (end.tv_nsec - start.tv_nsec));
    fflush(stdout);
    for (int i = 0; i < n; i++) free(command[i]);
  }
  return 0;
}
