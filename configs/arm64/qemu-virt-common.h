/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System config body for QEMU "virt" (-M virt,virtualization=on,
 * highmem=off -m 1G -smp 4). The including file defines QEMU_VIRT_GIC
 * (2 or 3). Memory map (see Documentation/qemu-virt.md):
 *   0x40000000-0x76ffffff  root Linux RAM (880 MiB)
 *   0x77000000-0x7effffff  cell pool (128 MiB, reserved in the DT)
 *   0x7f000000-0x7fffffff  hypervisor (16 MiB, reserved in the DT)
 * The root shares 0x7ee00000-0x7eefffff (in the pool) with the echo cell:
 * link 1, the root's doorbell INTID 224 (Documentation/ivshmem.md).
 */
#include <warden/config.h>

#define QEMU_VIRT_NUM_CPUS 4

static const struct {
	struct wd_header hdr;
	struct wd_system sys;
	struct wd_cell root;
	struct wd_mem_region mem[7];
	struct wd_device dev[0];
	struct wd_link links[1];
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_SYSTEM, config),
	.sys =
		{
			.hypervisor = {.start = 0x7f000000, .size = 0x01000000},
			.cell_pool = {.start = 0x77000000, .size = 0x08000000},
			.ram = {.start = 0x40000000, .size = 0x40000000},
			.console = {.phys = 0x09000000,
				    .type = WD_CONSOLE_PL011},
			.platform =
				{
					.num_cpus = QEMU_VIRT_NUM_CPUS,
					/* cortex-a57 L2: 2 MiB, 16 ways:
					 * 32 colours (CCSIDR reads the same) */
					.llc_way_size = 0x20000,
					/* Made up (QEMU has no DRAM model):
					 * PA bits 17-18, 4 banks of 128 KiB
					 * stripes, independent of the colour
					 * bits 12-16. Documentation/colouring.md */
					.bank_mask = 0x60000,
					.arm64 =
						{
							.gic_version =
								QEMU_VIRT_GIC,
							.gicd_base = 0x08000000,
#if QEMU_VIRT_GIC == 2
							.gicc_base = 0x08010000,
							.gich_base = 0x08030000,
							.gicv_base = 0x08040000,
#else
							.gicr_base = 0x080a0000,
#endif
							.num_irqs = 288,
							.maint_irq = 25,
							.mpidr = {0, 1, 2, 3},
						},
				},
		},
	.root =
		{
			.name = "root",
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_links = WD_ARRAY_SIZE(config.links),
			.cpu_set = (1ull << QEMU_VIRT_NUM_CPUS) - 1,
		},
	.mem =
		{
			/* RAM below the cell pool */
			{.phys_start = 0x40000000,
			 .virt_start = 0x40000000,
			 .size = 0x37000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC},
/* GICv3 ITS / GICv2m MSI frame: Linux sets them up
			 * again when a CPU comes back online */
#if QEMU_VIRT_GIC == 3
			{.phys_start = 0x08080000,
			 .virt_start = 0x08080000,
			 .size = 0x00020000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
#else
			{.phys_start = 0x08020000,
			 .virt_start = 0x08020000,
			 .size = 0x00001000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
#endif
			/* flash */
			{.phys_start = 0x00000000,
			 .virt_start = 0x00000000,
			 .size = 0x08000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* UART, RTC, fw_cfg, GPIO, ..., virtio-mmio, PCIe: everything
		 * after the GIC up to RAM. The GICv3 redistributors of the 4
		 * CPUs end at 0x08120000 (0x080a0000 + 4 * 128 KiB): they
		 * are Warden's, so this starts after them. */
			{.phys_start = 0x08120000,
			 .virt_start = 0x08120000,
			 .size = 0x00ee0000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			{.phys_start = 0x09000000,
			 .virt_start = 0x09000000,
			 .size = 0x07000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			{.phys_start = 0x10000000,
			 .virt_start = 0x10000000,
			 .size = 0x30000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* link 1's memory, in the cell pool: SHARED only */
			{.phys_start = 0x7ee00000,
			 .virt_start = 0x7ee00000,
			 .size = 0x00100000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_SHARED},
		},
	/* INTID 224: QEMU virt wires no device above INTID 207 */
	.links = {{.id = 1, .mem_index = 6, .doorbell_irq = 224}},
};
