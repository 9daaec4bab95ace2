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
#include "cell-mem.h"

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
			.entry = QEMU_VIRT_GUEST_RAM,
		},
	.mem =
		{
			CELL_MEM_RAM(QEMU_VIRT_CELL_RAM2,
				     QEMU_VIRT_CELL_RAM_SIZE),
			CELL_MEM_COMM(QEMU_VIRT_CELL_COMM2),
		},
	.dev =
		{
			{.name = "pl031",
			 .mmio_start = QEMU_VIRT_PL031_BASE,
			 .mmio_size = QEMU_VIRT_PL031_SIZE,
			 .irq = QEMU_VIRT_PL031_IRQ},
		},
};
