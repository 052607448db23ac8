/* runstat.c: runs a command with stdin/stdout redirected to files and
   prints its wall time in microseconds and its peak resident memory in
   KiB (wait4's rusage).  Usage: runstat IN OUT COMMAND [ARG]...  */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  struct timespec t0, t1;
  struct rusage ru;
  int status;
  pid_t pid;

  if (argc < 4)
    return 2;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  pid = fork ();
  if (pid == 0)
    {
      int in = open (argv[1], O_RDONLY), out = open (argv[2], O_WRONLY
                                                     | O_CREAT | O_TRUNC, 0644);
      if (in < 0 || out < 0)
        _exit (127);
      dup2 (in, 0);
      dup2 (out, 1);
      execvp (argv[3], argv + 3);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &ru) < 0)
    return 2;
  clock_gettime (CLOCK_MONOTONIC, &t1);
  printf ("%lld %ld %d\n", (long long) ((t1.tv_sec - t0.tv_sec) * 1000000LL
                                        + (t1.tv_nsec - t0.tv_nsec) / 1000),
          ru.ru_maxrss, WIFEXITED (status) ? WEXITSTATUS (status) : 128);
  return 0;
}
