/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cell config made by `warden config create --cell` against
 * out/boards/zcu102.cell: free CPUs and cell-pool memory, the inmates'
 * guest-physical map (RAM 0x40000000, comm 0x80000000).
 */
#include <warden/config.h>

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[2];
	struct wd_device dev[1];
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_CELL, config),
	.cell =
		{
			.name = "rtos",
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_devices = WD_ARRAY_SIZE(config.dev),
			.cpu_set = 0x8ull,
			.entry = 0x40000000,
		},
	.mem =
		{
			/* RAM, from the cell pool */
			{.phys_start = 0x60000000,
			 .virt_start = 0x40000000,
			 .size = 0x1000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC |
				  WD_MEM_LOADABLE},
			/* comm region: the pool's last free page */
			{.phys_start = 0x6efff000,
			 .virt_start = 0x80000000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_COMM},
		},
	/* 1:1; Warden takes them from the root at create */
	.dev =
		{
			/* /axi/serial@ff010000 */
			{.name = "serial",
			 .mmio_start = 0xff010000,
			 .mmio_size = 0x1000,
			 .irq = 54},
		},
};
