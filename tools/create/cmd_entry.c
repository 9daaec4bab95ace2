// SPDX-License-Identifier: GPL-2.0
/* `warden config create`: the system form, or the cell form (--cell). */
#include <string.h>

#include "create.h"

int config_create(int argc, char **argv);

int config_create(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--cell"))
			return config_create_cell(argc, argv);
	return config_create_system(argc, argv);
}
