/*
 * Runs a command N times, one after the other, and prints each run's wall time from fork to the
 * end of waitpid, in nanoseconds, one line per run. "{}" in an argument becomes the run's number
 * (runc needs a fresh container id each time). Stops at the first run that fails. With -o FILE
 * the times are appended to FILE instead, and the command's own output stays apart from them.
 *
 *   repeat [-o FILE] N COMMAND [ARG...]
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
  FILE *times = stdout;
  if (argc > 2 && strcmp(argv[1], "-o") == 0) {
    times = fopen(argv[2], "ae"); /* e: O_CLOEXEC, the command does not inherit it */
    if (times == NULL) {
      fprintf(stderr, "repeat: %s: %s\n", argv[2], strerror(errno));
      return 2;
    }
    argc -= 2;
    argv += 2;
  }
  if (argc < 3) {
    fprintf(stderr, "usage: repeat [-o FILE] N COMMAND [ARG...]\n");
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
    fprintf(times, "%lld\n", (long long)(end.tv_sec - start.tv_sec) * 1000000000LL +
                                  (end.tv_nsec - start.tv_nsec));
    fflush(times);
    for (int i = 0; i < n; i++) free(command[i]);
  }
  return 0;
}
