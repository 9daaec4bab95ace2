// SPDX-License-Identifier: GPL-2.0
/* `warden enable` and `warden disable`. */
#include <stdint.h>
#include <stdio.h>

#include <warden/ioctl.h>

#include "check.h"
#include "device.h"
#include "warden.h"

int cmd_enable(int argc, char **argv)
{
	struct wd_ioc_buf buf;
	struct blob system;
	unsigned int violations;
	int ret;

	if (argc != 2)
		return WARDEN_BAD_USAGE;
	if (blob_load(argv[1], CONFIG_MAX_SIZE, &system))
		return WARDEN_INPUT;
	violations = check_configs(argv[1], &system, NULL, NULL, 0);
	if (violations) {
		ret = fail("%s: %u violation(s): not enabling", argv[1],
			   violations);
	} else {
		buf.addr = (uintptr_t)system.data;
		buf.size = system.size;
		ret = warden_ioctl(WD_IOC_ENABLE, &buf, "enable");
	}
	blob_free(&system);
	return ret;
}

int cmd_disable(int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return WARDEN_BAD_USAGE;
	return warden_ioctl(WD_IOC_DISABLE, NULL, "disable");
}

/* `warden status`: the driver's version (WD_IOC_VERSION) next to ours. */
int cmd_status(int argc, char **argv)
{
	struct wd_ioc_version v = {0};
	int ret;

	(void)argv;
	if (argc != 1)
		return WARDEN_BAD_USAGE;
	ret = warden_ioctl(WD_IOC_VERSION, &v, "version query");
	if (ret != WARDEN_OK)
		return ret;
	v.string[sizeof(v.string) - 1] = '\0';
	printf("driver: warden.ko %s (%u.%u)\n", v.string, v.major, v.minor);
	return WARDEN_OK;
}
