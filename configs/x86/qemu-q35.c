// SPDX-License-Identifier: GPL-2.0
/*
 * System config for QEMU q35 (-M q35 -accel tcg -cpu max -smp 4 -m 1G,
 * SeaBIOS), the x86 test machine of ci/run-qemu-x86.sh. Memory map (the
 * kernel command line reserves Warden's part: ci/qemu-x86-args.sh):
 *   0x00000000-0x3bffffff  root Linux RAM (960 MiB, low memory included)
 *   0x3c000000-0x3f7fffff  cell pool (56 MiB, memmap=56M$0x3c000000)
 *   0x3f800000-0x3fbfffff  hypervisor (4 MiB, memmap=4M$0x3f800000)
 *   0x3fc00000-0x3fffffff  root RAM and SeaBIOS's ACPI tables
 *   0x40000000-0xffffffff  PCI windows, MMCONFIG, IOAPIC, HPET, LAPIC,
 *                          BIOS flash: the root's MMIO, passed through
 */
#include <warden/config.h>

#define Q35_HV_BASE 0x3f800000ull
#define Q35_POOL_BASE 0x3c000000ull
#define Q35_NUM_CPUS 4

static const struct {
	struct wd_header hdr;
	struct wd_system sys;
	struct wd_cell root;
	struct wd_mem_region mem[3];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_X86, WD_KIND_SYSTEM, config),
	.sys =
		{
			.hypervisor = {.start = Q35_HV_BASE, .size = 0x400000},
			.cell_pool = {.start = Q35_POOL_BASE,
				      .size = 0x3800000},
			.ram = {.start = 0, .size = 0x40000000},
			/* Warden's messages go to its ring only
			 * (warden console): ttyS0 is Linux's. */
			.console = {.type = WD_CONSOLE_NONE},
			.platform =
				{
					.num_cpus = Q35_NUM_CPUS,
					.x86 =
						{
							.lapic_base =
								0xfee00000,
							.ioapic =
								{{.base = 0xfec00000,
								  .gsi_base = 0,
								  .pins = 24}},
							/* ICH9 PMBASE 0x600 */
							.pm_timer_port = 0x608,
							.apic_id = {0, 1, 2, 3},
							.pio = {{.start = 0x3f8,
								 .count = 8},
								{.start = 0x2f8,
								 .count = 8}},
						},
				},
		},
	.root =
		{
			.name = "root",
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.cpu_set = (1ull << Q35_NUM_CPUS) - 1,
		},
	.mem =
		{
			{.phys_start = 0,
			 .virt_start = 0,
			 .size = Q35_POOL_BASE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC},
			{.phys_start = 0x3fc00000,
			 .virt_start = 0x3fc00000,
			 .size = 0x400000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC},
			{.phys_start = 0x40000000,
			 .virt_start = 0x40000000,
			 .size = 0xc0000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
		},
};
