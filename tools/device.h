/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The driver's files: /dev/warden (ioctls), /dev/warden_console (console
 * text) and the sysfs cell list. Environment variables override the paths
 * so that the CLI can be tested without the driver.
 */
#ifndef WARDEN_DEVICE_H
#define WARDEN_DEVICE_H

#define WARDEN_DEVICE_ENV "WARDEN_DEVICE"
#define WARDEN_DEVICE_PATH "/dev/warden"
#define WARDEN_CONSOLE_ENV "WARDEN_CONSOLE"
#define WARDEN_CONSOLE_PATH "/dev/warden_console"
#define WARDEN_CELLS_ENV "WARDEN_CELLS"
#define WARDEN_CELLS_PATH "/sys/devices/virtual/misc/warden/cells"
#define WARDEN_ERROR_ENV "WARDEN_LAST_ERROR"
#define WARDEN_ERROR_PATH "/sys/devices/virtual/misc/warden/last_error"

/* The path from environment variable env, else fallback. */
const char *warden_path(const char *env, const char *fallback);

/* A hint for a failed open() of the driver's files ("" if none). */
const char *warden_open_hint(int err);

/*
 * Issues one ioctl on /dev/warden. On failure prints
 * "warden: WHAT failed: REASON" and returns WARDEN_FAIL; else WARDEN_OK.
 */
int warden_ioctl(unsigned long request, void *arg, const char *what);

#endif
