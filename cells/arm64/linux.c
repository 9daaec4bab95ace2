// SPDX-License-Identifier: GPL-2.0
/*
 * A Linux cell (`warden cell linux`, Documentation/linux-cell.md): CPUs 1
 * and 2, 92 MiB of RAM identity-mapped (its virtio devices do DMA by
 * physical address and QEMU virt has no SMMU in front of them), and the
 * last page of virtio-mmio transports: its console on transport 31, its
 * disk on 30 (ci/run-qemu.sh --linux-cell). No comm region: the kernel
 * gets x0 = its DTB. Link 3 to the root (warden-net, Documentation/
 * vnet.md): its memory identity-mapped too (the DMA rule), doorbell 229.
 */
#include "cell-mem.h"

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[2];
	struct wd_device dev[1];
	struct wd_link links[1];
	wd_u32 irqs[3];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_CELL, config),
	.cell =
		{
			.name = "linux",
			.flags = WD_CELL_GIC_IGNORE,
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_devices = WD_ARRAY_SIZE(config.dev),
			.num_links = WD_ARRAY_SIZE(config.links),
			.num_irqs = WD_ARRAY_SIZE(config.irqs),
			.cpu_set = (1ull << 1) | (1ull << 2),
			.entry = QEMU_VIRT_LINUX_RAM,
		},
	.mem =
		{
			{.phys_start = QEMU_VIRT_LINUX_RAM,
			 .virt_start = QEMU_VIRT_LINUX_RAM,
			 .size = QEMU_VIRT_LINUX_RAM_SIZE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC |
				  WD_MEM_LOADABLE},
			{.phys_start = QEMU_VIRT_LINK3_MEM,
			 .virt_start = QEMU_VIRT_LINK3_MEM,
			 .size = QEMU_VIRT_LINK_SIZE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_SHARED},
		},
	.dev =
		{
			{.name = "virtio-mmio",
			 .mmio_start = QEMU_VIRT_VIRTIO_CELL_PAGE,
			 .mmio_size = QEMU_VIRT_PAGE_SIZE,
			 .irq = QEMU_VIRT_VIRTIO_CELL_IRQ,
			 .flags = WD_DEV_DMA},
		},
	.links = {{.id = 3,
		   .mem_index = 1,
		   .doorbell_irq = QEMU_VIRT_DOORBELL_NET_LINUX}},
	.irqs = {QEMU_VIRT_VIRTIO_IRQ + 30, QEMU_VIRT_VIRTIO_IRQ + 31,
		 QEMU_VIRT_DOORBELL_NET_LINUX},
};
