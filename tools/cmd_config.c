// SPDX-License-Identifier: GPL-2.0
/* `warden config check`: the offline config checker. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <warden/config.h>

#include "check.h"
#include "warden.h"

/* Loads every file (reporting each unreadable one); 0 if all loaded. */
static int load_all(char **paths, unsigned int n, struct blob *blobs)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; i < n; i++)
		if (blob_load(paths[i], CONFIG_MAX_SIZE, &blobs[i]))
			ret = -1;
	return ret;
}

static void free_all(struct blob *blobs, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		blob_free(&blobs[i]);
	free(blobs);
}

static int is_cell_config(const struct blob *b)
{
	struct wd_header hdr;

	if (b->size < sizeof(hdr))
		return 0;
	memcpy(&hdr, b->data, sizeof(hdr));
	return hdr.magic == WD_CONFIG_MAGIC && hdr.kind == WD_KIND_CELL;
}

static unsigned int check_loaded(char **paths, struct blob *blobs,
				 unsigned int n)
{
	if (!is_cell_config(&blobs[0]))
		return check_configs(paths[0], &blobs[0], paths + 1, blobs + 1,
				     n - 1);
	fprintf(stderr, "warden: note: no system config first: cells are "
			"checked alone, not against a platform\n");
	return check_configs(NULL, NULL, paths, blobs, n);
}

static int config_check(int argc, char **argv)
{
	unsigned int n, violations;
	struct blob *blobs;

	argc = take_no_admission_flag(argc, argv);
	n = argc - 1;
	if (argc < 2)
		return WARDEN_BAD_USAGE;
	blobs = calloc(n, sizeof(*blobs));
	if (!blobs)
		return fail("out of memory");
	if (load_all(argv + 1, n, blobs)) {
		free_all(blobs, n);
		return WARDEN_INPUT;
	}
	violations = check_loaded(argv + 1, blobs, n);
	if (violations)
		printf("%u violation(s)\n", violations);
	else
		printf("ok\n");
	if (!violations && !is_cell_config(&blobs[0]))
		dma_note(&blobs[0], blobs + 1, n - 1);
	free_all(blobs, n);
	return violations ? WARDEN_FAIL : WARDEN_OK;
}

#ifdef WARDEN_CONFIG_CREATE
int config_create(int argc, char **argv);
#define CONFIG_CREATE_HELP                                                     \
	"System form: reads a DTB and writes a commented C system config:\n"   \
	"RAM, CPUs, the GIC, the PL011 console, every device as root IO and\n" \
	"Warden's memory from a no-map /reserved-memory/warden@... node.\n"    \
	"  --dtb FILE             the DT (default /sys/firmware/fdt)\n"        \
	"  --ram BASE,SIZE        a RAM bank, for firmware-filled memory "     \
	"nodes\n"                                                              \
	"  --mem-reserve BASE,SIZE  Warden's memory, if the DT has no node\n"  \
	"  --console PATH|none    Warden's UART (default "                     \
	"/chosen/stdout-path)\n"                                               \
	"  --num-irqs N           interrupt IDs (default: the DT's highest)\n" \
	"  --hv-size SIZE         the hypervisor's part (default 16M)\n"       \
	"Cell form: free CPUs and cell-pool memory of SYS.cell and the "       \
	"given\n"                                                              \
	"cells, a comm page, and each --device PATH (with --dtb) by its DT\n"  \
	"node; the cell must pass the checker before it is written.\n"         \
	"What the DT cannot decide is an error naming the node; an error\n"    \
	"leaves no output file. Documentation/boards.md.\n"
#endif

const struct command config_commands[] = {
#ifdef WARDEN_CONFIG_CREATE
	/* host build only: it needs libfdt (tools/create/) */
	{.name = "create",
	 .args = "[OPTIONS] -o SYS.c | --cell NAME --cpus N --ram SIZE "
		 "[OPTIONS] SYS.cell [CELL.cell...] -o CELL.c",
	 .summary = "write a C config from a device tree",
	 .help = CONFIG_CREATE_HELP,
	 .run = config_create},
#endif
	{.name = "check",
	 .args = "[--no-admission] SYSTEM.cell [CELL.cell...]",
	 .summary = "check configs alone and together, offline",
	 .help = "Checks the system config, each cell config, then the cells\n"
		 "together against the system (the hypervisor runs the same\n"
		 "checker on every config it is given). Prints one line per\n"
		 "violation, \"FILE: cell 'NAME': FIELD[INDEX]: REASON\", "
		 "then\n"
		 "\"N violation(s)\" or \"ok\". If the first file is a cell\n"
		 "config, all files are checked alone.\n"
		 "A cell carrying a real-time task set is admitted only if\n"
		 "the set is schedulable under its policy (EDF: processor\n"
		 "demand; RM: response-time analysis); --no-admission (for\n"
		 "tests) prints the verdict but admits it anyway.\n"
		 "Exit status: 0 valid, 1 violations, 2 unreadable file.\n",
	 .run = config_check},
	{0},
};
