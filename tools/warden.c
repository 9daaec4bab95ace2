// SPDX-License-Identifier: GPL-2.0
/* `warden` entry point: the top-level command table and --version. */
#include <stdio.h>
#include <string.h>

#include <warden/version.h>

#include "warden.h"

static const struct command top_commands[] = {
	{.name = "config",
	 .summary = "Work with config blobs",
	 .sub = config_commands},
	{.name = "enable",
	 .args = "SYSTEM.cell",
	 .summary = "check SYSTEM.cell, then start Warden",
	 .help = "Loads the system config, checks it like 'config check'\n"
		 "(nothing is sent to the driver if it breaks a rule),\n"
		 "then asks warden.ko to lift Linux into the root cell.\n",
	 .run = cmd_enable},
	{.name = "disable",
	 .args = "",
	 .summary = "stop Warden; Linux takes the CPUs back",
	 .run = cmd_disable},
	{.name = "status",
	 .args = "",
	 .summary = "print the loaded driver's version",
	 .run = cmd_status},
	{.name = "cell",
	 .summary = "Create, load, start and stop cells",
	 .sub = cell_commands},
	{.name = "console",
	 .args = "[-f]",
	 .summary = "print the hypervisor console",
	 .help = "Prints what Warden and the cells wrote to the hypervisor\n"
		 "console, then exits; -f keeps printing new output\n"
		 "(polling every 100 ms) until interrupted.\n",
	 .run = cmd_console},
	{0},
};

static const struct command warden_cli = {
	.name = "warden",
	.summary = "Manage the Warden partitioning hypervisor from the root "
		   "cell.",
	.help = "Exit status: 0 success, 1 rule violations or the driver "
		"refused,\n2 unreadable input or bad usage.\n"
		"Environment (for testing): WARDEN_DEVICE (/dev/warden),\n"
		"WARDEN_CONSOLE (/dev/warden_console), WARDEN_CELLS\n"
		"(/sys/devices/virtual/misc/warden/cells).\n"
		"'warden --version' prints the version.\n",
	.sub = top_commands,
};

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--version")) {
		puts("warden " WARDEN_VERSION_STRING);
		return WARDEN_OK;
	}
	return dispatch(&warden_cli, "warden", argc, argv);
}
