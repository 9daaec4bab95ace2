/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * Warden binary configuration format (revision WD_CONFIG_REVISION).
 *
 * A config is a blob built from a C file: a header, then a system or cell
 * descriptor, then the arrays the descriptor counts, in this order:
 *   system blob: wd_header, wd_system, wd_cell (root), mem[], dev[], link[],
 *                stream[], irq[]
 *   cell blob:   wd_header, wd_cell, mem[], dev[], [rt taskset], link[],
 *                stream[], irq[]
 * A cell with WD_CELL_RT_TASKSET carries one struct wd_rt_taskset
 * (include/warden/rtos.h) between dev[] and link[]; link[] (num_links
 * struct wd_link) comes before irq[] to stay 8-aligned.
 * All fields are little-endian, fixed width and naturally aligned; every
 * struct is a multiple of 8 bytes so the arrays need no padding.
 * Documented in Documentation/config-format.md.
 *
 * Shared by the hypervisor, the driver, the tools and the inmates: only
 * fixed-width types, no libc.
 */
#ifndef WARDEN_CONFIG_H
#define WARDEN_CONFIG_H

#ifdef __KERNEL__
#include <linux/types.h>
typedef __u8 wd_u8;
typedef __u16 wd_u16;
typedef __u32 wd_u32;
typedef __u64 wd_u64;
#else
typedef unsigned char wd_u8;
typedef unsigned short wd_u16;
typedef unsigned int wd_u32;
typedef unsigned long long wd_u64;
#endif

#define WD_CONFIG_MAGIC 0x4e445257u /* "WRDN" read little-endian */
/*
 * 2: bank_mask, banks; 3: links; 4: header.arch, platform common + arch;
 * 5: streams (SMMU), platform.arm64.smmu_*; 6: x86 cells' pio_ranges
 */
#define WD_CONFIG_REVISION 6

/* wd_header.arch: which arch part of wd_platform (and which rules) apply */
#define WD_ARCH_ARM64 1
#define WD_ARCH_X86 2

#define WD_KIND_SYSTEM 1
#define WD_KIND_CELL 2

#define WD_NAME_LEN 32
#define WD_MAX_CPUS 64 /* cpu_set is one 64-bit mask */
#define WD_MAX_MEM_REGIONS 64
#define WD_MAX_DEVICES 16
#define WD_MAX_IRQS 64
#define WD_PAGE_SIZE 0x1000ull

struct wd_header {
	wd_u32 magic; /* WD_CONFIG_MAGIC */
	wd_u16 revision; /* WD_CONFIG_REVISION */
	wd_u16 kind; /* WD_KIND_SYSTEM or WD_KIND_CELL */
	wd_u32 total_size; /* bytes, header included; must equal the blob */
	wd_u32 arch; /* WD_ARCH_*: the same in a system and its cells */
};

/* wd_mem_region.flags */
#define WD_MEM_READ (1u << 0)
#define WD_MEM_WRITE (1u << 1)
#define WD_MEM_EXEC (1u << 2)
#define WD_MEM_IO (1u << 3) /* device memory (MMIO), mapped nGnRE */
#define WD_MEM_LOADABLE (1u << 4) /* root may write images while stopped */
#define WD_MEM_SHARED (1u << 5) /* may overlap other cells' SHARED */
#define WD_MEM_COMM (1u << 6) /* the cell's comm region (one page) */
#define WD_MEM_ALL_FLAGS ((1u << 7) - 1)

struct wd_mem_region {
	wd_u64 phys_start; /* page aligned */
	wd_u64 virt_start; /* guest-physical (IPA), page aligned */
	wd_u64 size; /* page aligned, non-zero */
	wd_u32 flags; /* WD_MEM_* */
	wd_u32 reserved;
};

/* A platform device handed 1:1 to a cell: its MMIO and (optional) SPI. */
struct wd_device {
	char name[16]; /* e.g. "pl031"; for messages and the driver */
	wd_u64 mmio_start; /* physical == guest-physical, page aligned */
	wd_u64 mmio_size; /* page aligned, non-zero */
	wd_u32 irq; /* GIC INTID (SPI, >= 32), 0 = none */
	wd_u32 flags; /* WD_DEV_* */
};

/*
 * wd_device.flags: the device masters memory by physical address (e.g.
 * virtio-mmio under QEMU). With no SMMU to confine it, the checker
 * requires the cell's RAM to be identity-mapped and not coloured.
 */
#define WD_DEV_DMA (1u << 0)
/*
 * The device is one PCI function's 4 KiB of ECAM config space. At
 * destroy Warden zeroes the function's Command register (bus mastering,
 * memory and I/O decoding) before the cell's streams go back: the
 * function's queues hold the cell's addresses, which are other memory
 * in the next owner's tables (Documentation/dma.md).
 */
#define WD_DEV_PCI_CFG (1u << 1)
#define WD_DEV_ALL_FLAGS (WD_DEV_DMA | WD_DEV_PCI_CFG)

/* wd_cell.flags */
/*
 * GICv3 only, not the root: the cell's CPUs take its interrupts at EL1
 * with no trap to Warden (Documentation/interrupts.md).
 */
#define WD_CELL_DIRECT_IRQ (1u << 0)
/* The blob carries a real-time task set; Warden copies it into the comm
 * region (WD_COMM_RT_TASKSET_OFFSET) for the RTOS inmate. */
#define WD_CELL_RT_TASKSET (1u << 1)
/*
 * arm64, not the root: the cell's CPUs run AArch32 at EL1 (HCR_EL2.RW = 0),
 * entering in SVC mode (Documentation/inmate-abi.md, "AArch32 cells").
 * Needs WD_ARM64_AARCH32_EL1 in the platform.
 */
#define WD_CELL_AARCH32 (1u << 2)
/*
 * GIC writes to interrupts (or CPUs) the cell does not own are ignored
 * instead of failing the cell: a guest kernel such as Linux initialises
 * every interrupt the distributor has (Documentation/linux-cell.md).
 */
#define WD_CELL_GIC_IGNORE (1u << 3)
#define WD_CELL_ALL_FLAGS ((1u << 4) - 1)

struct wd_cell {
	char name[WD_NAME_LEN]; /* NUL-terminated, non-empty */
	wd_u32 flags; /* WD_CELL_* */
	wd_u32 num_mem_regions;
	wd_u32 num_devices;
	wd_u32 num_irqs; /* extra SPIs (INTIDs) the cell owns */
	wd_u64 cpu_set; /* bit n = logical CPU n of the platform */
	/*
	 * Cache colours owned; 0 = not coloured. A coloured cell's RAM that
	 * is neither IO nor SHARED is backed only by frames of these colours
	 * (and banks), taken in address order from the region's phys_start
	 * (Documentation/colouring.md).
	 */
	wd_u64 colours;
	wd_u64 entry; /* default inmate entry (IPA); root: ignored */
	wd_u32 num_links; /* struct wd_link entries after dev[] */
	wd_u32 num_streams; /* struct wd_stream entries after link[] */
	wd_u64 banks; /* DRAM banks a coloured cell's frames use; 0 = any */
	/*
	 * x86, not the root: bit i = the cell owns the ports of
	 * platform.x86.pio[i] (taken from the root while it lives). arm64: 0.
	 */
	wd_u32 pio_ranges;
	wd_u32 reserved1; /* 0 */
};

/*
 * A shared-memory link (Documentation/ivshmem.md): mem[mem_index] is a
 * SHARED region every cell declaring the same link id maps; each of them
 * has its own doorbell, an SPI no device drives, which Warden makes
 * pending when a peer rings (WD_HC_DOORBELL) or changes state.
 */
#define WD_MAX_LINKS 8

struct wd_link {
	wd_u32 id; /* the same in every peer's config */
	wd_u32 mem_index; /* this cell's SHARED region of the link */
	wd_u32 doorbell_irq; /* this cell's doorbell INTID (an SPI) */
	wd_u32 flags; /* 0 */
};

/*
 * A DMA stream the cell owns (Documentation/dma.md): the SMMU translates
 * what the stream emits through the cell's memory map and aborts the
 * rest. The root's streams are lent to a cell whose config lists them
 * and come back at destroy. On QEMU virt's PCIe, id = the requester ID
 * (bus << 8 | device << 3 | function).
 */
#define WD_MAX_STREAMS 16
#define WD_STREAM_NO_DEVICE 0xffffffffu

struct wd_stream {
	wd_u32 id; /* SMMU stream ID */
	wd_u32 device; /* dev[] index of the DMA device, or NO_DEVICE (PCI) */
};

/* wd_platform_arm64.features */
#define WD_ARM64_AARCH32_EL1 (1u << 0) /* ID_AA64PFR0_EL1.EL1 = 2 */
#define WD_ARM64_ALL_FEATURES ((1u << 1) - 1)

#define WD_GIC_V2 2
#define WD_GIC_V3 3

/* The arm64 part of the platform (WD_ARCH_ARM64). */
struct wd_platform_arm64 {
	wd_u32 gic_version; /* WD_GIC_V2 or WD_GIC_V3 */
	wd_u32 num_irqs; /* INTIDs 0..num_irqs-1 exist (multiple of 32) */
	wd_u64 gicd_base; /* distributor */
	wd_u64 gicc_base; /* v2: CPU interface */
	wd_u64 gich_base; /* v2: hypervisor control interface */
	wd_u64 gicv_base; /* v2: virtual CPU interface */
	wd_u64 gicr_base; /* v3: redistributors, 128 KiB per CPU */
	wd_u32 maint_irq; /* GIC maintenance PPI */
	wd_u32 features; /* WD_ARM64_*: what every CPU of the board has */
	wd_u64 mpidr[WD_MAX_CPUS]; /* MPIDR affinity of logical CPU n */
	/* SMMUv3 (Documentation/dma.md); base 0 = none: DMA is unconfined */
	wd_u64 smmu_base; /* 64 KiB aligned */
	wd_u64 smmu_size; /* 0x20000: register pages 0 and 1 */
	wd_u32 smmu_stage; /* WD_SMMU_STAGE*: which translation Warden uses */
	wd_u32 smmu_sid_bits; /* stream IDs 0..2^bits-1 exist (1..15) */
	/* its wired SPIs (edge), taken by Warden; 0 = none: events are
	 * read on the root's hypercalls */
	wd_u32 smmu_evtq_irq; /* event queue not empty */
	wd_u32 smmu_gerror_irq; /* global error */
	/* GICv3 ITS: its control frame (64 KiB) is trapped for the root,
	 * which alone uses the ITS: table bases must be in root RAM
	 * (Documentation/dma.md). 0 = none, or not checked. */
	wd_u64 gits_base;
};

/* wd_platform_arm64.smmu_stage */
#define WD_SMMU_STAGE1 1 /* tables built for the SMMU (QEMU 7.2: no S2) */
#define WD_SMMU_STAGE2 2 /* the cell's own stage-2 tables (hardware) */

/*
 * The x86 part (WD_ARCH_X86): declared for the x86 port, not used yet (no
 * checker rules: an x86 config is refused today).
 */
#define WD_X86_MAX_IOAPICS 4
#define WD_X86_MAX_PIO_RANGES 16

struct wd_x86_ioapic {
	wd_u64 base; /* MMIO base, 0 = no such IOAPIC */
	wd_u32 gsi_base; /* GSI of its pin 0 */
	wd_u32 pins; /* redirection entries */
};

struct wd_pio_range {
	wd_u16 start; /* first I/O port */
	wd_u16 count; /* ports; 0 = unused entry */
	wd_u32 flags; /* 0 */
};

struct wd_platform_x86 {
	wd_u64 lapic_base; /* local APIC (xAPIC MMIO) */
	struct wd_x86_ioapic ioapic[WD_X86_MAX_IOAPICS];
	wd_u64 tsc_khz; /* 0 = calibrate against the PM timer */
	wd_u16 pm_timer_port; /* ACPI PM timer, 0 = none */
	wd_u16 reserved0;
	wd_u32 reserved1;
	wd_u32 apic_id[WD_MAX_CPUS]; /* local APIC ID of logical CPU n */
	/* I/O port ranges of the board's devices cells may be given */
	struct wd_pio_range pio[WD_X86_MAX_PIO_RANGES];
};

/* What every arch has, then the arch part named by wd_header.arch. */
struct wd_platform {
	wd_u32 num_cpus; /* CPUs 0..num_cpus-1 exist */
	wd_u32 reserved0; /* 0 */
	wd_u64 llc_way_size; /* bytes per LLC way; 0 = Warden reads it */
	/*
	 * Physical-address bits that select a DRAM bank: a frame's bank is
	 * the value of these bits packed together. 0 = no bank partitioning.
	 */
	wd_u64 bank_mask;
	wd_u64 reserved[2];
	union {
		struct wd_platform_arm64 arm64;
		struct wd_platform_x86 x86;
		wd_u64 arch_raw[80]; /* fixes the size: 640 bytes */
	};
};

struct wd_range {
	wd_u64 start;
	wd_u64 size;
};

#define WD_CONSOLE_NONE 0
#define WD_CONSOLE_PL011 1

struct wd_console {
	wd_u64 phys; /* UART base */
	wd_u32 type; /* WD_CONSOLE_* */
	wd_u32 reserved;
};

struct wd_system {
	struct wd_range hypervisor; /* warden.bin + per-CPU + page pool */
	struct wd_range cell_pool; /* memory non-root cells take from */
	struct wd_range ram; /* all of the board's RAM */
	struct wd_console console;
	struct wd_platform platform;
};

/* The C config files declare one such struct; see cells/arm64/demo.c. */
#define WD_HEADER(arch_, kind_, type_)                                         \
	{                                                                      \
		.magic = WD_CONFIG_MAGIC, .revision = WD_CONFIG_REVISION,      \
		.kind = (kind_), .total_size = sizeof(type_), .arch = (arch_), \
	}

#define WD_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Put the config in its own section; the build objcopies only it. */
#define WD_CONFIG_SECTION __attribute__((section(".wdconfig"), used))

#endif
