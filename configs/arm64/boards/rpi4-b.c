/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System config made by `warden config create` from .cache/arm64/root/usr/lib/linux-image-6.1.0-57-arm64/broadcom/bcm2711-rpi-4-b.dtb:
 *   warden config create --dtb .cache/arm64/root/usr/lib/linux-image-6.1.0-57-arm64/broadcom/bcm2711-rpi-4-b.dtb --ram 0,0x3b400000 --ram 0x40000000,0xbc000000 --mem-reserve 0xf4000000,0x8000000 --console /soc/serial@7e201000 -o configs/arm64/boards/rpi4-b.c
 * Review it before use: every value below comes from the DT or
 * the command line, as each comment says.
 *   RAM bank 0x0-0x3b3fffff (--ram)
 *   RAM bank 0x40000000-0xfbffffff (--ram)
 *   Warden's memory 0xf4000000-0xfbffffff (--mem-reserve): cell pool, then the
 *   hypervisor's top 0x1000000 bytes
 *   GICv2 /soc/interrupt-controller@40041000 ("arm,gic-400"), 192 interrupt IDs (the DT's highest SPI rounded up: the GIC may have more)
 *   console: /soc/serial@7e201000
 */
#include <warden/config.h>

static const struct {
	struct wd_header hdr;
	struct wd_system sys;
	struct wd_cell root;
	struct wd_mem_region mem[28];
	struct wd_device dev[0];
	struct wd_link links[0];
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_SYSTEM, config),
	.sys =
		{
			.hypervisor = {.start = 0xfb000000, .size = 0x1000000},
			.cell_pool = {.start = 0xf4000000, .size = 0x7000000},
			.ram = {.start = 0x40000000, .size = 0xbc000000},
			/* /soc/serial@7e201000 */
			.console = {.phys = 0xfe201000,
				    .type = WD_CONSOLE_PL011},
			.platform =
				{
					.num_cpus = 4,
					/* llc_way_size 0: Warden reads CCSIDR */
					.arm64 =
						{
							.gic_version = 2,
							.num_irqs = 192,
							.gicd_base = 0xff841000,
							.gicc_base = 0xff842000,
							.gich_base = 0xff844000,
							.gicv_base = 0xff846000,
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
			 .size = 0x3b400000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC},
			/* RAM */
			{.phys_start = 0x40000000,
			 .virt_start = 0x40000000,
			 .size = 0xb4000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC},
			/* /scb/pcie@7d500000 (INTID 179) */
			{.phys_start = 0xfd500000,
			 .virt_start = 0xfd500000,
			 .size = 0xa000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /scb/ethernet@7d580000 (INTID 189) */
			{.phys_start = 0xfd580000,
			 .virt_start = 0xfd580000,
			 .size = 0x10000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/avs-monitor@7d5d2000 */
			{.phys_start = 0xfd5d2000,
			 .virt_start = 0xfd5d2000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/timer@7e003000 (INTID 96), /soc/txp@7e004000 (INTID 107) */
			{.phys_start = 0xfe003000,
			 .virt_start = 0xfe003000,
			 .size = 0x2000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/dma@7e007000 (INTID 112) */
			{.phys_start = 0xfe007000,
			 .virt_start = 0xfe007000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/watchdog@7e100000, /soc/mailbox@7e00b880 (INTID 65), /soc/mailbox@7e00b840 (INTID 66) */
			{.phys_start = 0xfe00a000,
			 .virt_start = 0xfe00a000,
			 .size = 0x2000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/watchdog@7e100000, /soc/cprman@7e101000 */
			{.phys_start = 0xfe100000,
			 .virt_start = 0xfe100000,
			 .size = 0x3000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/rng@7e104000 */
			{.phys_start = 0xfe104000,
			 .virt_start = 0xfe104000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/gpio@7e200000 (INTID 145), /soc/serial@7e201000 (INTID 153) */
			{.phys_start = 0xfe200000,
			 .virt_start = 0xfe200000,
			 .size = 0x2000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/i2c@7e205000 (INTID 149), /soc/pixelvalve@7e206000 (INTID 141), /soc/pixelvalve@7e207000 (INTID 142) */
			{.phys_start = 0xfe205000,
			 .virt_start = 0xfe205000,
			 .size = 0x3000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/pixelvalve@7e20a000 (INTID 133) */
			{.phys_start = 0xfe20a000,
			 .virt_start = 0xfe20a000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/pwm@7e20c800 */
			{.phys_start = 0xfe20c000,
			 .virt_start = 0xfe20c000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/aux@7e215000, /soc/serial@7e215040 (INTID 125), /soc/pixelvalve@7e216000 (INTID 142) */
			{.phys_start = 0xfe215000,
			 .virt_start = 0xfe215000,
			 .size = 0x2000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/mmc@7e300000 (INTID 158) */
			{.phys_start = 0xfe300000,
			 .virt_start = 0xfe300000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /emmc2bus/mmc@7e340000 (INTID 158) */
			{.phys_start = 0xfe340000,
			 .virt_start = 0xfe340000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/hvs@7e400000 (INTID 129) */
			{.phys_start = 0xfe400000,
			 .virt_start = 0xfe400000,
			 .size = 0x8000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/i2c@7e804000 (INTID 149) */
			{.phys_start = 0xfe804000,
			 .virt_start = 0xfe804000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/usb@7e980000 (INTID 105) */
			{.phys_start = 0xfe980000,
			 .virt_start = 0xfe980000,
			 .size = 0x10000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /scb/gpu@7ec00000 (INTID 106) */
			{.phys_start = 0xfec00000,
			 .virt_start = 0xfec00000,
			 .size = 0x8000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/watchdog@7e100000 */
			{.phys_start = 0xfec11000,
			 .virt_start = 0xfec11000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/clock@7ef00000, /soc/interrupt-controller@7ef00100 (INTID 128), /soc/hdmi@7ef00700, ... */
			{.phys_start = 0xfef00000,
			 .virt_start = 0xfef00000,
			 .size = 0x3000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/hdmi@7ef00700, /soc/i2c@7ef04500, /soc/hdmi@7ef05700, ... */
			{.phys_start = 0xfef04000,
			 .virt_start = 0xfef04000,
			 .size = 0x4000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/hdmi@7ef05700, /soc/i2c@7ef09500 */
			{.phys_start = 0xfef09000,
			 .virt_start = 0xfef09000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/hdmi@7ef00700, /soc/hdmi@7ef05700 */
			{.phys_start = 0xfef20000,
			 .virt_start = 0xfef20000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /soc/local_intc@40000000 */
			{.phys_start = 0xff800000,
			 .virt_start = 0xff800000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* /scb/pcie@7d500000 */
			{.phys_start = 0x600000000,
			 .virt_start = 0x600000000,
			 .size = 0x4000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
		},
};
