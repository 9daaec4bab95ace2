// SPDX-License-Identifier: GPL-2.0
/*
 * What `warden config check` says about DMA once the configs are valid
 * (Documentation/dma.md): with an SMMU, each stream is confined to its
 * cell; without one, the root's devices and every DMA device of a cell
 * can reach all of memory (the root is trusted for DMA). On stderr, as a
 * note: the verdict ("ok") stays the last line of stdout.
 */
#include <stdio.h>

#include <wd/config_check.h>

#include "check.h"

static void note_cell(const struct wd_cell *c, int smmu)
{
	const struct wd_device *d = wd_cell_devices(c);
	unsigned int i;

	for (i = 0; !smmu && i < c->num_devices; i++)
		if (d[i].flags & WD_DEV_DMA)
			fprintf(stderr,
				"warden: note: cell '%.31s': device '%.15s' "
				"does DMA unconfined: it can reach all "
				"memory\n",
				c->name, d[i].name);
	if (smmu && c->num_streams)
		fprintf(stderr,
			"warden: note: cell '%.31s': %u DMA stream(s), "
			"confined to its memory\n",
			c->name, c->num_streams);
}

void dma_note(const struct blob *system, const struct blob *cells,
	      unsigned int n)
{
	const struct wd_system *sys = wd_config_system(system->data);
	int smmu = ((const struct wd_header *)system->data)->arch ==
			   WD_ARCH_ARM64 &&
		   sys->platform.arm64.smmu_base;
	unsigned int i;

	fflush(stdout); /* after the verdict */
	if (smmu)
		fprintf(stderr,
			"warden: note: SMMU at 0x%llx: DMA streams "
			"not in a config abort\n",
			sys->platform.arm64.smmu_base);
	else
		fprintf(stderr, "warden: note: no SMMU: the root's devices can "
				"DMA to all memory, Warden's and every cell's "
				"included (the root is trusted for DMA)\n");
	note_cell(wd_config_root(system->data), smmu);
	for (i = 0; i < n; i++)
		note_cell(wd_config_cell(cells[i].data), smmu);
}
