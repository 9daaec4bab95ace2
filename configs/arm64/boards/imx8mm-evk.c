/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System config made by `warden config create` from .cache/arm64/root/usr/lib/linux-image-6.1.0-57-arm64/freescale/imx8mm-evk.dtb:
 *   warden config create --dtb .cache/arm64/root/usr/lib/linux-image-6.1.0-57-arm64/freescale/imx8mm-evk.dtb --mem-reserve 0xa0000000,0x10000000 --console none -o configs/arm64/boards/imx8mm-evk.c
 * Review it before use: every value below comes from the DT or
 * the command line, as each comment says.
 *   RAM bank 0x40000000-0xbfffffff (/memory@40000000)
 *   Warden's memory 0xa0000000-0xafffffff (--mem-reserve): cell pool, then the
 *   hypervisor's top 0x1000000 bytes
 *   GICv3 /soc@0/interrupt-controller@38800000 ("arm,gic-v3"), 160 interrupt IDs (the DT's highest SPI rounded up: the GIC may have more)
 *   console: none
 */
#include <warden/config.h>

static const struct {
	struct wd_header hdr;
	struct wd_system sys;
	struct wd_cell root;
	struct wd_mem_region mem[10];
	struct wd_device dev[0];
	struct wd_link links[0];
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_SYSTEM, config),
	.sys =
		{
			.hypervisor = {.start = 0xaf000000, .size = 0x1000000},
			.cell_pool = {.start = 0xa0000000, .size = 0xf000000},
			.ram = {.start = 0x40000000, .size = 0x80000000},
			.platform =
				{
					.num_cpus = 4,
					/* llc_way_size 0: Warden reads CCSIDR */
					.arm64 =
						{
							.gic_version = 3,
							.num_irqs = 160,
							.gicd_base = 0x38800000,
							.gicr_base = 0x38880000,
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
			{.phys_start = 0x40000000,
			 .virt_start = 0x40000000,
			 .size = 0x60000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC},
			/* RAM */
			{.phys_start = 0xb0000000,
			 .virt_start = 0xb0000000,
			 .size = 0x10000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC},
			/* /soc@0/bus@30800000/spi@30bb0000 (INTID 139), /soc@0/pcie@33800000, /soc@0/pcie@33800000 (INTID 154), ... */
			{.phys_start = 0x8000000,
			 .virt_start = 0x8000000,
			 .size = 0x17f90000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc@0/bus@30000000, /soc@0/bus@30000000/spba-bus@30000000, /soc@0/bus@30000000/spba-bus@30000000/sai@30020000 (INTID 128), ... */
			{.phys_start = 0x30000000,
			 .virt_start = 0x30000000,
			 .size = 0xc00000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc@0/bus@32c00000, /soc@0/bus@32c00000/blk-ctrl@32e28000, /soc@0/bus@32c00000/usb@32e40000 (INTID 72), ... */
			{.phys_start = 0x32c00000,
			 .virt_start = 0x32c00000,
			 .size = 0x402000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc@0/pcie@33800000 (INTID 154) */
			{.phys_start = 0x33800000,
			 .virt_start = 0x33800000,
			 .size = 0x400000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc@0/gpu@38000000 (INTID 35), /soc@0/gpu@38008000 (INTID 57) */
			{.phys_start = 0x38000000,
			 .virt_start = 0x38000000,
			 .size = 0x10000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc@0/video-codec@38300000 (INTID 39), /soc@0/video-codec@38310000 (INTID 40) */
			{.phys_start = 0x38300000,
			 .virt_start = 0x38300000,
			 .size = 0x20000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc@0/blk-ctrl@38330000 */
			{.phys_start = 0x38330000,
			 .virt_start = 0x38330000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc@0/memory-controller@3d400000, /soc@0/ddr-pmu@3d800000 (INTID 130) */
			{.phys_start = 0x3d400000,
			 .virt_start = 0x3d400000,
			 .size = 0x800000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
		},
};
