// SPDX-License-Identifier: GPL-2.0
/* `warden config create --cell`: not written yet (see issue 21). */
#include "../warden.h"
#include "create.h"

int config_create_cell(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return fail("config create --cell: not implemented yet");
}
