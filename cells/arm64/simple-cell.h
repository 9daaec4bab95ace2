/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Body of a plain one-CPU cell for QEMU virt: CELL_CPU, 16 MiB of the cell
 * pool at CELL_RAM_PHYS seen at guest-physical 0x40000000 (so the same
 * inmate images run in every such cell), the comm region page at
 * CELL_COMM_PHYS seen at 0x80000000. The inmate's console is the
 * hypervisor's (WD_HC_CONSOLE_PUTC). The including file defines
 * CELL_NAME, CELL_CPU (or CELL_CPU_SET, a mask), CELL_RAM_PHYS and
 * CELL_COMM_PHYS, and may define CELL_FLAGS (WD_CELL_*, default 0) and
 * CELL_STREAM, a DMA stream ID the cell takes from the root (dma.md).
 */
#include "cell-mem.h"

#ifndef CELL_CPU_SET
#define CELL_CPU_SET (1ull << CELL_CPU)
#endif
#ifndef CELL_FLAGS
#define CELL_FLAGS 0
#endif
#ifdef CELL_STREAM
#define CELL_STREAMS 1
#else
#define CELL_STREAMS 0
#endif

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[2];
	struct wd_device dev[0];
	struct wd_stream streams[CELL_STREAMS];
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_CELL, config),
	.cell =
		{
			.name = CELL_NAME,
			.flags = CELL_FLAGS,
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_streams = CELL_STREAMS,
			.cpu_set = CELL_CPU_SET,
			.entry = QEMU_VIRT_GUEST_RAM,
		},
	.mem =
		{
			CELL_MEM_RAM(CELL_RAM_PHYS, QEMU_VIRT_CELL_RAM_SIZE),
			CELL_MEM_COMM(CELL_COMM_PHYS),
		},
#ifdef CELL_STREAM
	.streams = {{.id = CELL_STREAM, .device = WD_STREAM_NO_DEVICE}},
#endif
};
