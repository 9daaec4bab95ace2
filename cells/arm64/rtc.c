/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cell that takes QEMU virt's PL031 real-time clock from the root:
 * its registers (0x09010000, 1:1) and its interrupt (SPI 2, INTID 34).
 * CPU 2, 16 MiB of the cell pool at guest-physical 0x40000000, comm
 * region at 0x80000000. Linux must let go of the device first:
 *   echo 9010000.pl031 > /sys/bus/amba/drivers/rtc-pl031/unbind
 * and can have it back after `warden cell destroy rtc`:
 *   echo 9010000.pl031 > /sys/bus/amba/drivers/rtc-pl031/bind
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
			.name = "rtc",
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_devices = WD_ARRAY_SIZE(config.dev),
			.cpu_set = 1ull << 2,
			.entry = 0x40000000,
		},
	.mem =
		{
			{.phys_start = 0x79000000,
			 .virt_start = 0x40000000,
			 .size = 0x01000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC |
				  WD_MEM_LOADABLE},
			{.phys_start = 0x7effd000,
			 .virt_start = 0x80000000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_COMM},
		},
	.dev =
		{
			{.name = "pl031",
			 .mmio_start = 0x09010000,
			 .mmio_size = 0x1000,
			 .irq = 34},
		},
};
