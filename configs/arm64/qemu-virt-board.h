/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one description of the QEMU "virt" board Warden runs on
 * (-M virt,virtualization=on,highmem=off -m 1G -smp 4, ci/qemu-args.sh):
 * its memory map, Warden's reserved range and how the shipped configs
 * divide the cell pool, the devices and the interrupt numbers. Used by
 * the system configs (qemu-virt-common.h), the cell configs
 * (cells/arm64/), the unit-test builder (tests/unit/builder.h) and,
 * through out/ci/board.sh (ci/mkboard.sh), the shell scenarios and the
 * DT fix-up (ci/mkdtb.sh). Documentation/qemu-virt.md explains the map.
 *
 * Plain object-like #defines of numbers only (no suffixes, no casts):
 * ci/mkboard.sh evaluates every QEMU_VIRT_* name with shell arithmetic.
 */
#ifndef QEMU_VIRT_BOARD_H
#define QEMU_VIRT_BOARD_H

#define QEMU_VIRT_NUM_CPUS 4

/* RAM (-m 1G) and what Warden reserves at its top (a DT no-map node) */
#define QEMU_VIRT_RAM_BASE 0x40000000
#define QEMU_VIRT_RAM_SIZE 0x40000000
#define QEMU_VIRT_POOL_BASE 0x77000000 /* cell pool: 128 MiB */
#define QEMU_VIRT_POOL_SIZE 0x08000000
#define QEMU_VIRT_POOL_END (QEMU_VIRT_POOL_BASE + QEMU_VIRT_POOL_SIZE)
#define QEMU_VIRT_HV_BASE QEMU_VIRT_POOL_END /* hypervisor: 16 MiB */
#define QEMU_VIRT_HV_SIZE 0x01000000
#define QEMU_VIRT_RESERVED_BASE QEMU_VIRT_POOL_BASE /* pool + hypervisor */
#define QEMU_VIRT_RESERVED_SIZE (QEMU_VIRT_POOL_SIZE + QEMU_VIRT_HV_SIZE)
/* the root's RAM: everything below the pool */
#define QEMU_VIRT_ROOT_RAM_SIZE (QEMU_VIRT_POOL_BASE - QEMU_VIRT_RAM_BASE)

/*
 * The cell pool as the shipped cells use it: 16 MiB RAM slots from its
 * start (slot 0: demo, echo, ...; 1: demo2, rtos, ...; 2: rtc), the
 * frames of coloured RAM from COLOUR_RAM_FROM and their comm pages from
 * COLOUR_COMM_FROM, link 2's, link 3's and link 1's memory, and the plain cells'
 * comm pages, counted down from the pool's last page.
 */
#define QEMU_VIRT_CELL_RAM_SIZE 0x01000000
#define QEMU_VIRT_CELL_RAM0 QEMU_VIRT_POOL_BASE
#define QEMU_VIRT_CELL_RAM1 (QEMU_VIRT_POOL_BASE + QEMU_VIRT_CELL_RAM_SIZE)
#define QEMU_VIRT_CELL_RAM2 (QEMU_VIRT_POOL_BASE + 2 * QEMU_VIRT_CELL_RAM_SIZE)
#define QEMU_VIRT_COLOUR_RAM_FROM 0x7a000000
/*
 * The Linux cell's RAM (cells/arm64/linux.c), identity-mapped for its
 * DMA: slot 2 and the coloured ranges up to link 2 (92 MiB), so it runs
 * beside the cells of slots 0 and 1, not beside rtc or coloured cells.
 */
#define QEMU_VIRT_LINUX_RAM QEMU_VIRT_CELL_RAM2
#define QEMU_VIRT_LINUX_RAM_SIZE (QEMU_VIRT_LINK2_MEM - QEMU_VIRT_LINUX_RAM)
#define QEMU_VIRT_COLOUR_COMM_FROM 0x7e000000
#define QEMU_VIRT_LINK_SIZE 0x00100000
#define QEMU_VIRT_LINK2_MEM 0x7ec00000 /* shm-a and shm-b */
#define QEMU_VIRT_LINK1_MEM 0x7ee00000 /* the root and echo */
#define QEMU_VIRT_LINK3_MEM 0x7ed00000 /* the root and linux: warden-net */
#define QEMU_VIRT_PAGE_SIZE 0x1000
#define QEMU_VIRT_CELL_COMM0 (QEMU_VIRT_POOL_END - QEMU_VIRT_PAGE_SIZE)
#define QEMU_VIRT_CELL_COMM1 (QEMU_VIRT_POOL_END - 2 * QEMU_VIRT_PAGE_SIZE)
#define QEMU_VIRT_CELL_COMM2 (QEMU_VIRT_POOL_END - 3 * QEMU_VIRT_PAGE_SIZE)
#define QEMU_VIRT_CELL_COMM3 (QEMU_VIRT_POOL_END - 4 * QEMU_VIRT_PAGE_SIZE)

/* Where a shipped cell sees its memory (guest-physical) */
#define QEMU_VIRT_GUEST_RAM 0x40000000 /* the inmates' link address */
#define QEMU_VIRT_GUEST_SHM 0x50000000 /* a link's shared memory */
#define QEMU_VIRT_GUEST_COMM 0x80000000 /* the comm region */

/* GIC frames (Warden's), 288 interrupt IDs, maintenance PPI */
#define QEMU_VIRT_GICD_BASE 0x08000000
#define QEMU_VIRT_GICC_BASE 0x08010000 /* GICv2 */
#define QEMU_VIRT_GICH_BASE 0x08030000 /* GICv2 */
#define QEMU_VIRT_GICV_BASE 0x08040000 /* GICv2 */
#define QEMU_VIRT_GICR_BASE 0x080a0000 /* GICv3: 128 KiB per CPU */
#define QEMU_VIRT_GICR_STRIDE 0x00020000
#define QEMU_VIRT_GICR_END \
	(QEMU_VIRT_GICR_BASE + QEMU_VIRT_NUM_CPUS * QEMU_VIRT_GICR_STRIDE)
#define QEMU_VIRT_NUM_IRQS 288
#define QEMU_VIRT_MAINT_IRQ 25

/* MSI frames the root keeps: GICv3 ITS, GICv2m */
#define QEMU_VIRT_ITS_BASE 0x08080000
#define QEMU_VIRT_ITS_SIZE 0x00020000
#define QEMU_VIRT_ITS_CTRL_SIZE 0x00010000 /* trapped: the rest is the root's */
#define QEMU_VIRT_V2M_BASE 0x08020000
#define QEMU_VIRT_V2M_SIZE 0x00001000

/* Devices */
#define QEMU_VIRT_FLASH_BASE 0x00000000
#define QEMU_VIRT_FLASH_SIZE 0x08000000
#define QEMU_VIRT_UART_BASE 0x09000000 /* PL011, Warden's console */
#define QEMU_VIRT_PL031_BASE 0x09010000 /* RTC */
#define QEMU_VIRT_PL031_SIZE 0x1000
#define QEMU_VIRT_PL031_IRQ 34 /* SPI 2 */
#define QEMU_VIRT_PCIE_BASE 0x10000000 /* PCIe windows up to RAM */
/*
 * 32 virtio-mmio transports of 0x200 bytes from VIRTIO_BASE, transport n
 * on INTID VIRTIO_IRQ + n (QEMU's bus virtio-mmio-bus.n). The Linux cell
 * takes the last page (transports 24..31: its console on 31, its disk
 * on 30); the root's end of the cell's console is transport 0.
 */
#define QEMU_VIRT_VIRTIO_BASE 0x0a000000
#define QEMU_VIRT_VIRTIO_IRQ 48
#define QEMU_VIRT_VIRTIO_CELL_PAGE (QEMU_VIRT_VIRTIO_BASE + 0x3000)
#define QEMU_VIRT_VIRTIO_CELL_IRQ (QEMU_VIRT_VIRTIO_IRQ + 24)

/*
 * -M virt,iommu=smmuv3 (configs/arm64/qemu-virt-smmu.c, scenario smmu):
 * the SMMUv3 in front of PCIe (stream ID = requester ID), the root's
 * virtio-blk-pci disk at 00:02.0 and the probe device at 00:03.0 that
 * the scenario's tool (wd-dma-probe) drives from user space.
 */
#define QEMU_VIRT_SMMU_BASE 0x09050000
#define QEMU_VIRT_SMMU_SIZE 0x00020000
#define QEMU_VIRT_SMMU_SID_BITS 8 /* bus 0: two-level stream table */
#define QEMU_VIRT_SMMU_EVTQ_IRQ 106 /* SPI 74, edge */
#define QEMU_VIRT_SMMU_GERROR_IRQ 109 /* SPI 77, edge */
#define QEMU_VIRT_SMMU_DISK_SLOT 2
#define QEMU_VIRT_SMMU_PROBE_SLOT 3
#define QEMU_VIRT_SMMU_STRANGER_SLOT 9 /* in no config: its DMA aborts */
/*
 * highmem=off: PCIe config space (ECAM) low, 4 KiB per function (bus 0:
 * slot << 15). The vblk cell (cells/arm64/smmu-vblk.c) takes the probe's
 * page and this window of the 32-bit MMIO space, where its inmate puts
 * the probe's BARs (Linux assigns from the window's bottom).
 */
#define QEMU_VIRT_PCIE_ECAM_BASE 0x3f000000
#define QEMU_VIRT_SMMU_CELL_BARS 0x3e000000
#define QEMU_VIRT_SMMU_CELL_BARS_SIZE 0x10000

/*
 * Interrupt IDs no device drives (QEMU virt wires none above 207): the
 * doorbells of the shipped links and the irqq cell's eight SPIs.
 */
#define QEMU_VIRT_DOORBELL_ROOT 224 /* link 1 */
#define QEMU_VIRT_DOORBELL_ECHO 225 /* link 1 */
#define QEMU_VIRT_DOORBELL_SHM_A 226 /* link 2 */
#define QEMU_VIRT_DOORBELL_SHM_B 227 /* link 2 */
#define QEMU_VIRT_DOORBELL_NET_ROOT 228 /* link 3 */
#define QEMU_VIRT_DOORBELL_NET_LINUX 229 /* link 3 */
#define QEMU_VIRT_IRQQ_SPI_FIRST 240

#endif
