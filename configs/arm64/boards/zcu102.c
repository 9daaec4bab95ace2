/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System config made by `warden config create` from .cache/arm64/root/usr/lib/linux-image-6.1.0-57-arm64/xilinx/zynqmp-zcu102-rev1.0.dtb:
 *   warden config create --dtb .cache/arm64/root/usr/lib/linux-image-6.1.0-57-arm64/xilinx/zynqmp-zcu102-rev1.0.dtb --mem-reserve 0x60000000,0x10000000 --console none -o configs/arm64/boards/zcu102.c
 * Review it before use: every value below comes from the DT or
 * the command line, as each comment says.
 *   RAM bank 0x0-0x7fffffff (/memory@0)
 *   RAM bank 0x800000000-0x87fffffff (/memory@0)
 *   Warden's memory 0x60000000-0x6fffffff (--mem-reserve): cell pool, then the
 *   hypervisor's top 0x1000000 bytes
 *   GICv2 /axi/interrupt-controller@f9010000 ("arm,gic-400"), 192 interrupt IDs (the DT's highest SPI rounded up: the GIC may have more)
 *   console: none
 */
#include <warden/config.h>

static const struct {
	struct wd_header hdr;
	struct wd_system sys;
	struct wd_cell root;
	struct wd_mem_region mem[40];
	struct wd_device dev[0];
	struct wd_link links[0];
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_SYSTEM, config),
	.sys =
		{
			.hypervisor = {.start = 0x6f000000, .size = 0x1000000},
			.cell_pool = {.start = 0x60000000, .size = 0xf000000},
			.ram = {.start = 0x0, .size = 0x80000000},
			.platform =
				{
					.num_cpus = 4,
					/* llc_way_size 0: Warden reads CCSIDR */
					.arm64 =
						{
							.gic_version = 2,
							.num_irqs = 192,
							.gicd_base = 0xf9010000,
							.gicc_base = 0xf902f000,
							.gich_base = 0xf9040000,
							.gicv_base = 0xf906f000,
							.maint_irq = 25,
							/* reg of each /cpus node */
							.mpidr = {0x0, 0x1, 0x2,
								  0x3},
							/* every core runs AArch32 at EL1 (its compatible) */
							.features =
								WD_ARM64_AARCH32_EL1,
						},
				},
		},
	.root =
		{
			.name = "root",
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_links = WD_ARRAY_SIZE(config.links),
			.cpu_set = 0xfull,
		},
	.mem =
		{
			/* RAM */
			{.phys_start = 0x0,
			 .virt_start = 0x0,
			 .size = 0x60000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC},
			/* RAM */
			{.phys_start = 0x70000000,
			 .virt_start = 0x70000000,
			 .size = 0x10000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC},
			/* RAM */
			{.phys_start = 0x800000000,
			 .virt_start = 0x800000000,
			 .size = 0x80000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC},
			/* /axi/spi@ff0f0000 (INTID 47) */
			{.phys_start = 0xc0000000,
			 .virt_start = 0xc0000000,
			 .size = 0x8000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/pcie@fd0e0000 */
			{.phys_start = 0xe0000000,
			 .virt_start = 0xe0000000,
			 .size = 0x10000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/memory-controller@fd070000 (INTID 144) */
			{.phys_start = 0xfd070000,
			 .virt_start = 0xfd070000,
			 .size = 0x30000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/ahci@fd0c0000 (INTID 165) */
			{.phys_start = 0xfd0c0000,
			 .virt_start = 0xfd0c0000,
			 .size = 0x2000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/pcie@fd0e0000 (INTID 150) */
			{.phys_start = 0xfd0e0000,
			 .virt_start = 0xfd0e0000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/phy@fd400000 */
			{.phys_start = 0xfd3d0000,
			 .virt_start = 0xfd3d0000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/phy@fd400000 */
			{.phys_start = 0xfd400000,
			 .virt_start = 0xfd400000,
			 .size = 0x40000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/pcie@fd0e0000 (INTID 150) */
			{.phys_start = 0xfd480000,
			 .virt_start = 0xfd480000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/display@fd4a0000 (INTID 151) */
			{.phys_start = 0xfd4a0000,
			 .virt_start = 0xfd4a0000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/display@fd4a0000 (INTID 151) */
			{.phys_start = 0xfd4aa000,
			 .virt_start = 0xfd4aa000,
			 .size = 0x3000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/dma-controller@fd4c0000 (INTID 154) */
			{.phys_start = 0xfd4c0000,
			 .virt_start = 0xfd4c0000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/watchdog@fd4d0000 (INTID 145) */
			{.phys_start = 0xfd4d0000,
			 .virt_start = 0xfd4d0000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/dma-controller@fd500000 (INTID 156) */
			{.phys_start = 0xfd500000,
			 .virt_start = 0xfd500000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/dma-controller@fd510000 (INTID 157) */
			{.phys_start = 0xfd510000,
			 .virt_start = 0xfd510000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/dma-controller@fd520000 (INTID 158) */
			{.phys_start = 0xfd520000,
			 .virt_start = 0xfd520000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/dma-controller@fd530000 (INTID 159) */
			{.phys_start = 0xfd530000,
			 .virt_start = 0xfd530000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/dma-controller@fd540000 (INTID 160) */
			{.phys_start = 0xfd540000,
			 .virt_start = 0xfd540000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/dma-controller@fd550000 (INTID 161) */
			{.phys_start = 0xfd550000,
			 .virt_start = 0xfd550000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/dma-controller@fd560000 (INTID 162) */
			{.phys_start = 0xfd560000,
			 .virt_start = 0xfd560000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/dma-controller@fd570000 (INTID 163) */
			{.phys_start = 0xfd570000,
			 .virt_start = 0xfd570000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/cci@fd6e0000/pmu@9000 (INTID 155) */
			{.phys_start = 0xfd6e9000,
			 .virt_start = 0xfd6e9000,
			 .size = 0x5000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/usb@ff9d0000/usb@fe200000 (INTID 97) */
			{.phys_start = 0xfe200000,
			 .virt_start = 0xfe200000,
			 .size = 0x40000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/usb@ff9e0000/usb@fe300000 (INTID 102) */
			{.phys_start = 0xfe300000,
			 .virt_start = 0xfe300000,
			 .size = 0x40000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/serial@ff000000 (INTID 53) */
			{.phys_start = 0xff000000,
			 .virt_start = 0xff000000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/serial@ff010000 (INTID 54) */
			{.phys_start = 0xff010000,
			 .virt_start = 0xff010000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/i2c@ff020000 (INTID 49) */
			{.phys_start = 0xff020000,
			 .virt_start = 0xff020000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/i2c@ff030000 (INTID 50) */
			{.phys_start = 0xff030000,
			 .virt_start = 0xff030000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/can@ff070000 (INTID 56) */
			{.phys_start = 0xff070000,
			 .virt_start = 0xff070000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/gpio@ff0a0000 (INTID 48) */
			{.phys_start = 0xff0a0000,
			 .virt_start = 0xff0a0000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/ethernet@ff0e0000 (INTID 95) */
			{.phys_start = 0xff0e0000,
			 .virt_start = 0xff0e0000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/spi@ff0f0000 (INTID 47) */
			{.phys_start = 0xff0f0000,
			 .virt_start = 0xff0f0000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/mmc@ff170000 (INTID 81) */
			{.phys_start = 0xff170000,
			 .virt_start = 0xff170000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /zynqmp_ipi/mailbox@ff990400, ... */
			{.phys_start = 0xff990000,
			 .virt_start = 0xff990000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/usb@ff9d0000 */
			{.phys_start = 0xff9d0000,
			 .virt_start = 0xff9d0000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/rtc@ffa60000 (INTID 58) */
			{.phys_start = 0xffa60000,
			 .virt_start = 0xffa60000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/pcie@fd0e0000 */
			{.phys_start = 0x600000000,
			 .virt_start = 0x600000000,
			 .size = 0x200000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /axi/pcie@fd0e0000 (INTID 150) */
			{.phys_start = 0x8000000000,
			 .virt_start = 0x8000000000,
			 .size = 0x1000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
		},
};
