/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cell for the irqqueue inmate (the handover scenario): CPU 3, 16 MiB of
 * RAM at guest-physical 0x40000000, the comm page at 0x80000000, and
 * INTIDs 240..247, SPIs no device drives, which the inmate makes pending
 * itself. Inmate: out/arm64/inmates/irqqueue.bin.
 */
#include <warden/config.h>

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[2];
	struct wd_device dev[0];
	wd_u32 irqs[8];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_CELL, config),
	.cell =
		{
			.name = "irqq",
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_irqs = WD_ARRAY_SIZE(config.irqs),
			.cpu_set = 1ull << 3,
			.entry = 0x40000000,
		},
	.mem =
		{
			{.phys_start = 0x77000000,
			 .virt_start = 0x40000000,
			 .size = 0x01000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC |
				  WD_MEM_LOADABLE},
			{.phys_start = 0x7efff000,
			 .virt_start = 0x80000000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_COMM},
		},
	.irqs = {240, 241, 242, 243, 244, 245, 246, 247},
};
