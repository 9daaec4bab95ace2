/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System config body for QEMU "virt" (-M virt,virtualization=on,
 * highmem=off -m 1G -smp 4). The including file defines QEMU_VIRT_GIC
 * (2 or 3), and QEMU_VIRT_SMMU for the SMMU machine (qemu-virt-smmu.c:
 * the SMMU is Warden's, the root owns the PCIe streams). Addresses and IRQs: qemu-virt-board.h. Memory map (see
 * Documentation/qemu-virt.md):
 *   0x40000000-0x76ffffff  root Linux RAM (880 MiB)
 *   0x77000000-0x7effffff  cell pool (128 MiB, reserved in the DT)
 *   0x7f000000-0x7fffffff  hypervisor (16 MiB, reserved in the DT)
 * The root shares 0x7ee00000-0x7eefffff (in the pool) with the echo cell:
 * link 1, the root's doorbell INTID 224 (Documentation/ivshmem.md), and
 * 0x7ed00000-0x7edfffff with the Linux cell: link 3, INTID 228, the
 * warden-net Ethernet link (Documentation/vnet.md).
 */
#include <warden/config.h>

#include "qemu-virt-board.h"

#ifdef QEMU_VIRT_SMMU
#define ROOT_REGIONS 9
#define ROOT_STREAMS 2
#else
#define ROOT_REGIONS 8
#define ROOT_STREAMS 0
#endif

static const struct {
	struct wd_header hdr;
	struct wd_system sys;
	struct wd_cell root;
	struct wd_mem_region mem[ROOT_REGIONS];
	struct wd_device dev[0];
	struct wd_link links[2];
	struct wd_stream streams[ROOT_STREAMS];
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_SYSTEM, config),
	.sys =
		{
			.hypervisor = {.start = QEMU_VIRT_HV_BASE,
				       .size = QEMU_VIRT_HV_SIZE},
			.cell_pool = {.start = QEMU_VIRT_POOL_BASE,
				      .size = QEMU_VIRT_POOL_SIZE},
			.ram = {.start = QEMU_VIRT_RAM_BASE,
				.size = QEMU_VIRT_RAM_SIZE},
			.console = {.phys = QEMU_VIRT_UART_BASE,
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
							.gicd_base =
								QEMU_VIRT_GICD_BASE,
#if QEMU_VIRT_GIC == 2
							.gicc_base =
								QEMU_VIRT_GICC_BASE,
							.gich_base =
								QEMU_VIRT_GICH_BASE,
							.gicv_base =
								QEMU_VIRT_GICV_BASE,
#else
							.gicr_base =
								QEMU_VIRT_GICR_BASE,
							.gits_base =
								QEMU_VIRT_ITS_BASE,
#endif
							.num_irqs =
								QEMU_VIRT_NUM_IRQS,
							.maint_irq =
								QEMU_VIRT_MAINT_IRQ,
							/* cortex-a57 */
							.features =
								WD_ARM64_AARCH32_EL1,
							.mpidr = {0, 1, 2, 3},
#ifdef QEMU_VIRT_SMMU
							.smmu_base =
								QEMU_VIRT_SMMU_BASE,
							.smmu_size =
								QEMU_VIRT_SMMU_SIZE,
							/* QEMU 7.2: stage 1 only */
							.smmu_stage =
								WD_SMMU_STAGE1,
							.smmu_sid_bits =
								QEMU_VIRT_SMMU_SID_BITS,
							.smmu_evtq_irq =
								QEMU_VIRT_SMMU_EVTQ_IRQ,
							.smmu_gerror_irq =
								QEMU_VIRT_SMMU_GERROR_IRQ,
#endif
						},
				},
		},
	.root =
		{
			.name = "root",
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_links = WD_ARRAY_SIZE(config.links),
			.num_streams = WD_ARRAY_SIZE(config.streams),
			.cpu_set = (1ull << QEMU_VIRT_NUM_CPUS) - 1,
		},
	.mem =
		{
			/* RAM below the cell pool */
			{.phys_start = QEMU_VIRT_RAM_BASE,
			 .virt_start = QEMU_VIRT_RAM_BASE,
			 .size = QEMU_VIRT_ROOT_RAM_SIZE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC},
/* GICv3 ITS / GICv2m MSI frame: Linux sets them up
			 * again when a CPU comes back online. The ITS's
			 * control frame is trapped (gits_base): the
			 * translation frame only. */
#if QEMU_VIRT_GIC == 3
			{.phys_start =
				 QEMU_VIRT_ITS_BASE + QEMU_VIRT_ITS_CTRL_SIZE,
			 .virt_start =
				 QEMU_VIRT_ITS_BASE + QEMU_VIRT_ITS_CTRL_SIZE,
			 .size = QEMU_VIRT_ITS_SIZE - QEMU_VIRT_ITS_CTRL_SIZE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
#else
			{.phys_start = QEMU_VIRT_V2M_BASE,
			 .virt_start = QEMU_VIRT_V2M_BASE,
			 .size = QEMU_VIRT_V2M_SIZE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
#endif
			/* flash */
			{.phys_start = QEMU_VIRT_FLASH_BASE,
			 .virt_start = QEMU_VIRT_FLASH_BASE,
			 .size = QEMU_VIRT_FLASH_SIZE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* UART, RTC, fw_cfg, GPIO, ..., virtio-mmio, PCIe: everything
		 * after the GIC up to RAM. The GICv3 redistributors of the 4
		 * CPUs end at 0x08120000 (0x080a0000 + 4 * 128 KiB): they
		 * are Warden's, so this starts after them. */
			{.phys_start = QEMU_VIRT_GICR_END,
			 .virt_start = QEMU_VIRT_GICR_END,
			 .size = QEMU_VIRT_UART_BASE - QEMU_VIRT_GICR_END,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
#ifdef QEMU_VIRT_SMMU
			/* up to the SMMU: it is Warden's (mem[7] resumes) */
			{.phys_start = QEMU_VIRT_UART_BASE,
			 .virt_start = QEMU_VIRT_UART_BASE,
			 .size = QEMU_VIRT_SMMU_BASE - QEMU_VIRT_UART_BASE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
#else
			{.phys_start = QEMU_VIRT_UART_BASE,
			 .virt_start = QEMU_VIRT_UART_BASE,
			 .size = QEMU_VIRT_PCIE_BASE - QEMU_VIRT_UART_BASE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
#endif
			{.phys_start = QEMU_VIRT_PCIE_BASE,
			 .virt_start = QEMU_VIRT_PCIE_BASE,
			 .size = QEMU_VIRT_RAM_BASE - QEMU_VIRT_PCIE_BASE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
			/* link 1's memory, in the cell pool: SHARED only */
			{.phys_start = QEMU_VIRT_LINK1_MEM,
			 .virt_start = QEMU_VIRT_LINK1_MEM,
			 .size = QEMU_VIRT_LINK_SIZE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_SHARED},
			/* link 3's memory (warden-net), SHARED too */
			{.phys_start = QEMU_VIRT_LINK3_MEM,
			 .virt_start = QEMU_VIRT_LINK3_MEM,
			 .size = QEMU_VIRT_LINK_SIZE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_SHARED},
#ifdef QEMU_VIRT_SMMU
			{.phys_start =
				 QEMU_VIRT_SMMU_BASE + QEMU_VIRT_SMMU_SIZE,
			 .virt_start =
				 QEMU_VIRT_SMMU_BASE + QEMU_VIRT_SMMU_SIZE,
			 .size = QEMU_VIRT_PCIE_BASE - QEMU_VIRT_SMMU_BASE -
				 QEMU_VIRT_SMMU_SIZE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO},
#endif
		},
	/* INTID 224: QEMU virt wires no device above INTID 207 */
	.links = {{.id = 1,
		   .mem_index = 6,
		   .doorbell_irq = QEMU_VIRT_DOORBELL_ROOT},
		  {.id = 3,
		   .mem_index = 7,
		   .doorbell_irq = QEMU_VIRT_DOORBELL_NET_ROOT}},
#ifdef QEMU_VIRT_SMMU
	/* PCIe 00:02.0 (the root's disk) and 00:03.0 (the DMA probe) */
	.streams = {{.id = QEMU_VIRT_SMMU_DISK_SLOT << 3,
		     .device = WD_STREAM_NO_DEVICE},
		    {.id = QEMU_VIRT_SMMU_PROBE_SLOT << 3,
		     .device = WD_STREAM_NO_DEVICE}},
#endif
};
