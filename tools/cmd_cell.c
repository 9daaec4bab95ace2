// SPDX-License-Identifier: GPL-2.0
/* `warden cell ...`: create, load, start, shut down, destroy, list. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <warden/hypercall.h>
#include <warden/ioctl.h>

#include "check.h"
#include "device.h"
#include "rt_stats.h"
#include "warden.h"

#define CELL_NAME_SIZE sizeof(((struct wd_ioc_cell_id *)0)->name)

/* Cells are addressed by name; the ioctl structs hold 31 chars + NUL. */
static int copy_name(char *out, const char *name)
{
	if (!*name || strlen(name) >= CELL_NAME_SIZE) {
		fail("cell name '%s' must have 1..%zu characters", name,
		     CELL_NAME_SIZE - 1);
		return -1;
	}
	strcpy(out, name);
	return 0;
}

static int cell_create(int argc, char **argv)
{
	struct wd_ioc_buf buf;
	struct blob cell;
	unsigned int violations;
	int ret;

	argc = take_no_admission_flag(argc, argv);
	if (argc != 2)
		return WARDEN_BAD_USAGE;
	if (blob_load(argv[1], CONFIG_MAX_SIZE, &cell))
		return WARDEN_INPUT;
	violations = check_configs(NULL, NULL, argv + 1, &cell, 1);
	if (violations) {
		ret = fail("%s: %u violation(s): not creating", argv[1],
			   violations);
	} else {
		buf.addr = (uintptr_t)cell.data;
		buf.size = cell.size;
		ret = warden_ioctl(WD_IOC_CELL_CREATE, &buf, "cell create");
	}
	blob_free(&cell);
	return ret;
}

static int parse_address(const char *text, __u64 *out)
{
	unsigned long long value;
	char *end;

	errno = 0;
	value = strtoull(text, &end, 0);
	if (errno || end == text || *end || *text == '-') {
		fail("'%s' is not an address", text);
		return -1;
	}
	*out = value;
	return 0;
}

/* NAME IMAGE [-a ADDR], the option anywhere. */
static int parse_load(int argc, char **argv, struct wd_ioc_cell_load *load,
		      const char **image)
{
	const char *positional[2];
	int i, n = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-a") && i + 1 < argc) {
			if (parse_address(argv[++i], &load->ipa))
				return WARDEN_INPUT;
		} else if (n < 2 && strcmp(argv[i], "-a")) {
			positional[n++] = argv[i];
		} else {
			return WARDEN_BAD_USAGE;
		}
	}
	if (n != 2)
		return WARDEN_BAD_USAGE;
	*image = positional[1];
	return copy_name(load->name, positional[0]) ? WARDEN_INPUT : 0;
}

static int cell_load(int argc, char **argv)
{
	struct wd_ioc_cell_load load = {.ipa = WD_LOAD_AT_ENTRY};
	const char *image;
	struct blob data;
	int ret = parse_load(argc, argv, &load, &image);

	if (ret)
		return ret;
	if (blob_load(image, IMAGE_MAX_SIZE, &data))
		return WARDEN_INPUT;
	load.image.addr = (uintptr_t)data.data;
	load.image.size = data.size;
	ret = warden_ioctl(WD_IOC_CELL_LOAD, &load, "cell load");
	blob_free(&data);
	return ret;
}

static int cell_by_name(unsigned long request, const char *what, int argc,
			char **argv)
{
	struct wd_ioc_cell_id id = {.name = {0}};

	if (argc != 2)
		return WARDEN_BAD_USAGE;
	if (copy_name(id.name, argv[1]))
		return WARDEN_INPUT;
	return warden_ioctl(request, &id, what);
}

static int cell_start(int argc, char **argv)
{
	return cell_by_name(WD_IOC_CELL_START, "cell start", argc, argv);
}

static int cell_shutdown(int argc, char **argv)
{
	return cell_by_name(WD_IOC_CELL_SHUTDOWN, "cell shutdown", argc, argv);
}

static int cell_destroy(int argc, char **argv)
{
	return cell_by_name(WD_IOC_CELL_DESTROY, "cell destroy", argc, argv);
}

static const char *const stat_names[] = {
	[WD_STAT_HYPERCALL] = "hypercall", [WD_STAT_IRQ] = "irq",
	[WD_STAT_MMIO] = "mmio",	   [WD_STAT_POWER] = "psci",
	[WD_STAT_SYSREG] = "sysreg",	   [WD_STAT_SMC] = "smc",
	[WD_STAT_OTHER] = "other",	   [WD_STAT_FAULT] = "fault",
	[WD_STAT_SETWAY] = "setway",
};

static void print_stats(const struct wd_ioc_cell_stats *s)
{
	unsigned int cpu, n, count = s->num_stats;

	if (count > WD_STAT_COUNT)
		count = WD_STAT_COUNT;
	printf("%-4s", "CPU");
	for (n = 0; n < count; n++)
		printf(" %10s", stat_names[n]);
	printf(" %12s\n", "total");
	for (cpu = 0; cpu < WD_IOC_CPUS_MAX; cpu++) {
		unsigned long long total = 0;

		if (!(s->cpu_set & (1ull << cpu)))
			continue;
		printf("%-4u", cpu);
		for (n = 0; n < count; n++) {
			printf(" %10llu", (unsigned long long)s->stats[cpu][n]);
			total += s->stats[cpu][n];
		}
		printf(" %12llu\n", total);
	}
}

/* A real-time cell's statistics from its comm page (rt_stats.h). */
static int print_rt_stats(const char *name)
{
	static struct wd_ioc_cell_rt_stats rt;
	int ret;

	strcpy(rt.name, name); /* copy_name() checked its length */
	ret = warden_ioctl(WD_IOC_CELL_RT_STATS, &rt, "cell stats");
	if (ret == WARDEN_OK && rt_stats_show(stdout, stderr, &rt))
		ret = WARDEN_FAIL;
	return ret;
}

/*
 * Exits by cause per CPU, counted since the CPU joined the cell; then
 * the RTOS statistics of a cell with a real-time task set.
 */
static int cell_stats(int argc, char **argv)
{
	static struct wd_ioc_cell_stats stats;
	int ret;

	if (argc != 2)
		return WARDEN_BAD_USAGE;
	if (copy_name(stats.name, argv[1]))
		return WARDEN_INPUT;
	ret = warden_ioctl(WD_IOC_CELL_STATS, &stats, "cell stats");
	if (ret != WARDEN_OK)
		return ret;
	print_stats(&stats);
	fflush(stdout);
	return print_rt_stats(stats.name);
}

static void print_runs(const struct wd_mappings *m)
{
	const struct wd_mapping *r = m->run;
	unsigned int i;

	for (i = 0; i < m->count && i < WD_MAPPINGS_MAX; i++, r++)
		printf("0x%llx 0x%llx 0x%llx %u 0x%x\n",
		       (unsigned long long)r->ipa, (unsigned long long)r->pa,
		       (unsigned long long)r->size, r->region, r->flags);
}

/*
 * Guest-physical -> physical runs, one per line; lines starting with '#'
 * are comments. Asked WD_MAPPINGS_MAX at a time.
 */
static int cell_mappings(int argc, char **argv)
{
	static struct wd_ioc_cell_mappings req;
	unsigned long long runs = 0;
	int ret;

	if (argc != 2)
		return WARDEN_BAD_USAGE;
	if (copy_name(req.name, argv[1]))
		return WARDEN_INPUT;
	do {
		req.first = (__u32)runs;
		ret = warden_ioctl(WD_IOC_CELL_MAPPINGS, &req, "cell mappings");
		if (ret != WARDEN_OK)
			return ret;
		if (!runs)
			printf("# %s: stage-2 tables %llu pages\n"
			       "# ipa pa size region flags\n",
			       req.name,
			       (unsigned long long)req.out.stage2_tables);
		print_runs(&req.out);
		runs += req.out.count;
	} while (req.out.count == WD_MAPPINGS_MAX);
	printf("# %llu runs\n", runs);
	return WARDEN_OK;
}

/* The driver publishes the cell table as text; print it as it is. */
static int cell_list(int argc, char **argv)
{
	const char *path = warden_path(WARDEN_CELLS_ENV, WARDEN_CELLS_PATH);
	FILE *f;
	char buf[4096];
	size_t n;
	int err;

	(void)argv;
	if (argc != 1)
		return WARDEN_BAD_USAGE;
	f = fopen(path, "r");
	if (!f) {
		err = errno;
		return fail("cell list failed: cannot read %s: %s%s", path,
			    strerror(err), warden_open_hint(err));
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stdout);
	err = ferror(f) ? errno : 0;
	fclose(f);
	if (err)
		return fail("cell list failed: %s: %s", path, strerror(err));
	return WARDEN_OK;
}

const struct command cell_commands[] = {
	{.name = "create",
	 .args = "[--no-admission] CELL.cell",
	 .summary = "check a cell config, then create the cell",
	 .help = "The cell's CPUs leave Linux and park in Warden; its memory\n"
		 "leaves the root. Warden checks the config against the\n"
		 "platform and the other cells again. A real-time task set\n"
		 "must pass admission control (see 'config check');\n"
		 "--no-admission is a test flag that creates it anyway.\n",
	 .run = cell_create},
	{.name = "load",
	 .args = "NAME IMAGE [-a ADDR]",
	 .summary = "copy an inmate image into a stopped cell",
	 .help = "ADDR is a 4 KiB-aligned guest-physical address inside\n"
		 "one of the cell's LOADABLE regions. Without -a the image\n"
		 "goes to the entry address of the cell's config. The cell\n"
		 "must be stopped (created, shut down or failed).\n",
	 .run = cell_load},
	{.name = "linux",
	 .args = "CELL.cell IMAGE [-i INITRD] [-c CMDLINE] [-d DTB] "
		 "[-s SYSTEM.cell] [--dump-dtb FILE]",
	 .summary = "create a cell and boot a Linux kernel Image in it",
	 .help = "Reads and checks everything first (bad input changes\n"
		 "nothing), then creates the cell, loads IMAGE (an arm64\n"
		 "Image) 2 MiB aligned at the start of its largest loadable\n"
		 "RAM, the DTB and INITRD after it, and starts its first CPU\n"
		 "at the kernel with x0 = the DTB. The DTB is generated from\n"
		 "the configs unless -d gives one (its /chosen is set).\n"
		 "SYSTEM.cell defaults to the one Warden runs with.\n"
		 "--dump-dtb writes the DTB to FILE and creates nothing.\n"
		 "See Documentation/linux-cell.md.\n",
	 .run = cmd_cell_linux},
	{.name = "start",
	 .args = "NAME",
	 .summary = "start the cell's CPUs at its entry address",
	 .run = cell_start},
	{.name = "shutdown",
	 .args = "NAME",
	 .summary = "stop the cell's CPUs (it can be loaded again)",
	 .run = cell_shutdown},
	{.name = "destroy",
	 .args = "NAME",
	 .summary = "destroy it: its CPUs and memory return to root",
	 .run = cell_destroy},
	{.name = "list",
	 .args = "",
	 .summary = "list the cells and their states",
	 .help = "ID, name, state (created, loading, running, shut-down,\n"
		 "failed), CPUs, and the CPUs on which the cell failed.\n",
	 .run = cell_list},
	{.name = "mappings",
	 .args = "NAME",
	 .summary = "the cell's guest-physical -> physical runs",
	 .help = "One line per run of each memory region: ipa pa size\n"
		 "region flags (hex but region). A coloured region has one\n"
		 "run per group of contiguous frames\n"
		 "(Documentation/colouring.md).\n",
	 .run = cell_mappings},
	{.name = "stats",
	 .args = "NAME",
	 .summary = "exits to Warden by cause, per CPU of the cell",
	 .help = "Counted since the CPU joined the cell (enable for the\n"
		 "root's, create for a cell's). NAME may be the root.\n"
		 "A cell with a real-time task set also shows the RTOS's\n"
		 "per-task statistics, read from its comm page (lines\n"
		 "starting with 'rt:'; see inmates/rtos/README.md).\n",
	 .run = cell_stats},
	{0},
};
