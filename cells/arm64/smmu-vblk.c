/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scenario smmu: cell "vblk" on CPU 3 drives the root's PCI probe device
 * (00:03.0, virtio-blk) itself: it takes the function's ECAM page, a BAR
 * window and its DMA stream from the root; its inmate (vblk.bin) puts
 * the BARs in the window and the virtqueue in its RAM. Destroy gives all
 * three back. The root must have no driver bound to the function.
 */
#include "cell-mem.h"

#define VBLK_ECAM (QEMU_VIRT_PCIE_ECAM_BASE + (QEMU_VIRT_SMMU_PROBE_SLOT << 15))

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[2];
	struct wd_device dev[2];
	struct wd_stream streams[1];
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_CELL, config),
	.cell =
		{
			.name = "vblk",
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_devices = WD_ARRAY_SIZE(config.dev),
			.num_streams = WD_ARRAY_SIZE(config.streams),
			.cpu_set = 1ull << 3,
			.entry = QEMU_VIRT_GUEST_RAM,
		},
	.mem =
		{
			CELL_MEM_RAM(QEMU_VIRT_CELL_RAM0,
				     QEMU_VIRT_CELL_RAM_SIZE),
			CELL_MEM_COMM(QEMU_VIRT_CELL_COMM0),
		},
	.dev =
		{
			{.name = "pci-ecam-03.0",
			 .mmio_start = VBLK_ECAM,
			 .mmio_size = 0x1000,
			 .flags = WD_DEV_PCI_CFG},
			{.name = "pci-bars-03.0",
			 .mmio_start = QEMU_VIRT_SMMU_CELL_BARS,
			 .mmio_size = QEMU_VIRT_SMMU_CELL_BARS_SIZE},
		},
	.streams = {{.id = QEMU_VIRT_SMMU_PROBE_SLOT << 3,
		     .device = WD_STREAM_NO_DEVICE}},
};
