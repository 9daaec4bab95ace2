// SPDX-License-Identifier: GPL-2.0
/* `warden console [-f]`: prints the hypervisor console. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "device.h"
#include "warden.h"

#define POLL_NS 100000000L /* -f: look for new output every 100 ms */

static int write_all(const char *buf, size_t n)
{
	ssize_t done;

	while (n) {
		done = write(STDOUT_FILENO, buf, n);
		if (done < 0 && errno == EINTR)
			continue;
		if (done < 0)
			return -1;
		buf += done;
		n -= done;
	}
	return 0;
}

/*
 * Copies what can be read now. Returns 0 once nothing is left (end of
 * file, or EAGAIN if the driver's reads do not block), -1 on error.
 */
static int drain(int fd)
{
	char buf[4096];
	ssize_t n;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n > 0 && write_all(buf, n))
			return -1;
		if (n > 0 || (n < 0 && errno == EINTR))
			continue;
		return n == 0 || errno == EAGAIN ? 0 : -1;
	}
}

static int follow(int fd)
{
	const struct timespec pause = {0, POLL_NS};

	for (;;) {
		if (drain(fd))
			return -1;
		nanosleep(&pause, NULL);
	}
}

int cmd_console(int argc, char **argv)
{
	const char *path = warden_path(WARDEN_CONSOLE_ENV, WARDEN_CONSOLE_PATH);
	int keep = argc == 2 && !strcmp(argv[1], "-f");
	int fd, ret, err;

	if (argc > 2 || (argc == 2 && !keep))
		return WARDEN_BAD_USAGE;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		return fail("console: cannot open %s: %s%s", path,
			    strerror(err), warden_open_hint(err));
	}
	ret = keep ? follow(fd) : drain(fd);
	err = errno;
	close(fd);
	if (ret)
		return fail("console: %s: %s", path, strerror(err));
	return WARDEN_OK;
}
