// SPDX-License-Identifier: GPL-2.0
/* Talking to warden.ko through /dev/warden: see device.h. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "device.h"
#include "warden.h"

const char *warden_path(const char *env, const char *fallback)
{
	const char *path = getenv(env);

	return path && *path ? path : fallback;
}

const char *warden_open_hint(int err)
{
	if (err == ENOENT || err == ENODEV || err == ENXIO)
		return " (is warden.ko loaded?)";
	if (err == EACCES || err == EPERM)
		return " (are you root?)";
	return "";
}

/* The driver's words for the last refusal (sysfs last_error), if any. */
static void print_driver_reason(void)
{
	const char *path = warden_path(WARDEN_ERROR_ENV, WARDEN_ERROR_PATH);
	char line[1024];
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		fprintf(stderr, "warden: driver: %s", line);
	fclose(f);
}

int warden_ioctl(unsigned long request, void *arg, const char *what)
{
	const char *path = warden_path(WARDEN_DEVICE_ENV, WARDEN_DEVICE_PATH);
	int fd = open(path, O_RDWR | O_CLOEXEC);
	int err;

	if (fd < 0) {
		err = errno;
		return fail("%s failed: cannot open %s: %s%s", what, path,
			    strerror(err), warden_open_hint(err));
	}
	if (ioctl(fd, request, arg) < 0) {
		err = errno;
		close(fd);
		fail("%s failed: %s", what, strerror(err));
		print_driver_reason();
		return WARDEN_FAIL;
	}
	close(fd);
	return WARDEN_OK;
}
