// SPDX-License-Identifier: GPL-2.0
/*
 * DMA streams and the SMMU (Documentation/dma.md): the platform's SMMU
 * fields, a cell's streams alone (device, duplicates), against the
 * platform (ID bits, every DMA device has a stream, no region maps the
 * SMMU) and between cells (the root lends its streams; two other cells
 * never share one).
 */
#include "rule_cases.h"

#define PLAT(s) (&(s)->system.sys.platform)
#define DEMO(s) (&(s)->cells[0])
#define ROOT(s) (&(s)->system.root)

#define SMMU_BASE 0x09050000ull /* QEMU virt, iommu=smmuv3 */
#define SMMU_SIZE 0x20000ull
#define RID_BLK 0x10u /* 00:02.0 */

/*
 * The SMMU platform of configs/arm64/qemu-virt-smmu.c: the root's IO
 * region from the UART up to PCIe stops short of the SMMU and resumes
 * after it (mem[2] and a new last region); the root owns stream RID_BLK.
 */
static void smmu_platform(struct scenario *s)
{
	struct tb_cell *root = ROOT(s);

	PLAT(s)->arm64.smmu_base = SMMU_BASE;
	PLAT(s)->arm64.smmu_size = SMMU_SIZE;
	PLAT(s)->arm64.smmu_stage = WD_SMMU_STAGE1;
	PLAT(s)->arm64.smmu_sid_bits = 8;
	root->mem[2].size = SMMU_BASE - root->mem[2].phys_start;
	tb_add_mem(root, SMMU_BASE + SMMU_SIZE, SMMU_BASE + SMMU_SIZE,
		   QEMU_VIRT_PCIE_BASE - SMMU_BASE - SMMU_SIZE,
		   TB_RW | WD_MEM_IO);
	tb_add_stream(root, RID_BLK, WD_STREAM_NO_DEVICE);
}

/* demo gets a virtio-mmio DMA device (identity-mapped RAM) as dev[0]. */
static void demo_dma_device(struct scenario *s)
{
	unsigned int i = tb_add_dev(DEMO(s), "virtio", 0x0a003000, 0x1000, 0);

	DEMO(s)->dev[i].flags = WD_DEV_DMA;
	DEMO(s)->cell.num_mem_regions = 1; /* no comm page at 0x80000000 */
	DEMO(s)->mem[0].virt_start = DEMO(s)->mem[0].phys_start;
	DEMO(s)->cell.entry = DEMO(s)->mem[0].phys_start;
}

static void smmu_ok(struct scenario *s)
{
	smmu_platform(s);
}

static void smmu_stage2_ok(struct scenario *s)
{
	smmu_platform(s);
	PLAT(s)->arm64.smmu_stage = WD_SMMU_STAGE2;
}

static void smmu_unaligned(struct scenario *s)
{
	smmu_platform(s);
	PLAT(s)->arm64.smmu_base = SMMU_BASE + 0x1000;
}

static void smmu_size_wrong(struct scenario *s)
{
	smmu_platform(s);
	PLAT(s)->arm64.smmu_size = 0x10000;
}

static void smmu_in_ram(struct scenario *s)
{
	smmu_platform(s);
	PLAT(s)->arm64.smmu_base = TB_HV;
}

static void smmu_stage_3(struct scenario *s)
{
	smmu_platform(s);
	PLAT(s)->arm64.smmu_stage = 3;
}

static void smmu_sid_bits_0(struct scenario *s)
{
	smmu_platform(s);
	PLAT(s)->arm64.smmu_sid_bits = 0;
}

static void smmu_sid_bits_16(struct scenario *s)
{
	smmu_platform(s);
	PLAT(s)->arm64.smmu_sid_bits = 16;
}

static void smmu_sid_bits_15(struct scenario *s)
{
	smmu_platform(s);
	PLAT(s)->arm64.smmu_sid_bits = 15;
}

static void no_smmu_size(struct scenario *s)
{
	PLAT(s)->arm64.smmu_size = SMMU_SIZE;
}

static void no_smmu_stage(struct scenario *s)
{
	PLAT(s)->arm64.smmu_stage = WD_SMMU_STAGE1;
}

static void no_smmu_sid_bits(struct scenario *s)
{
	PLAT(s)->arm64.smmu_sid_bits = 8;
}

/* The shipped root's IO region over the SMMU: the SMMU is Warden's. */
static void root_maps_smmu(struct scenario *s)
{
	smmu_platform(s);
	ROOT(s)->mem[2].size = QEMU_VIRT_PCIE_BASE - QEMU_VIRT_UART_BASE;
	ROOT(s)->cell.num_mem_regions--;
}

static void device_on_smmu(struct scenario *s)
{
	smmu_platform(s);
	tb_add_dev(DEMO(s), "smmu", SMMU_BASE + 0x10000, 0x1000, 0);
}

static void dma_with_stream(struct scenario *s)
{
	smmu_platform(s);
	demo_dma_device(s);
	tb_add_stream(DEMO(s), 0x20, 0);
}

static void dma_without_stream(struct scenario *s)
{
	smmu_platform(s);
	demo_dma_device(s);
}

/* Without an SMMU nothing confines DMA: no stream needed (dma.md). */
static void dma_without_smmu(struct scenario *s)
{
	demo_dma_device(s);
}

static void stream_beyond_sid_bits(struct scenario *s)
{
	smmu_platform(s);
	tb_add_stream(DEMO(s), 0x100, WD_STREAM_NO_DEVICE);
}

static void stream_device_missing(struct scenario *s)
{
	tb_add_stream(DEMO(s), 0x20, 0);
}

static void stream_device_not_dma(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 0);
	tb_add_stream(DEMO(s), 0x20, 0);
}

static void stream_twice(struct scenario *s)
{
	tb_add_stream(DEMO(s), 0x20, WD_STREAM_NO_DEVICE);
	tb_add_stream(DEMO(s), 0x20, WD_STREAM_NO_DEVICE);
}

static void stream_lent_by_root(struct scenario *s)
{
	smmu_platform(s);
	tb_add_stream(DEMO(s), RID_BLK, WD_STREAM_NO_DEVICE);
}

static void stream_in_two_cells(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	smmu_platform(s);
	tb_add_stream(DEMO(s), 0x18, WD_STREAM_NO_DEVICE);
	tb_add_stream(&s->cells[i], 0x20, WD_STREAM_NO_DEVICE);
	tb_add_stream(&s->cells[i], 0x18, WD_STREAM_NO_DEVICE);
}

/* The SMMU's wired SPIs (QEMU: INTIDs 106, 109) are Warden's. */
static void smmu_irqs_ok(struct scenario *s)
{
	smmu_platform(s);
	PLAT(s)->arm64.smmu_evtq_irq = 106;
	PLAT(s)->arm64.smmu_gerror_irq = 109;
}

static void smmu_irq_ppi(struct scenario *s)
{
	smmu_irqs_ok(s);
	PLAT(s)->arm64.smmu_evtq_irq = 27;
}

static void smmu_irq_missing(struct scenario *s)
{
	smmu_irqs_ok(s);
	PLAT(s)->arm64.smmu_gerror_irq = 288;
}

static void no_smmu_irq(struct scenario *s)
{
	PLAT(s)->arm64.smmu_evtq_irq = 106;
}

static void no_smmu_gerror_irq(struct scenario *s)
{
	PLAT(s)->arm64.smmu_gerror_irq = 109;
}

static void cell_takes_smmu_evtq_irq(struct scenario *s)
{
	smmu_irqs_ok(s);
	tb_add_irq(DEMO(s), 106);
}

static void cell_takes_smmu_irq(struct scenario *s)
{
	smmu_irqs_ok(s);
	tb_add_irq(DEMO(s), 109);
}

static const struct rule_case cases[] = {
	OK(smmu_irqs_ok),
	BAD(smmu_irq_ppi, "platform.arm64.smmu_evtq_irq", -1,
	    "INTID 27 is not an SPI"),
	BAD(smmu_irq_missing, "platform.arm64.smmu_gerror_irq", -1,
	    "INTID 288 does not exist"),
	BAD(no_smmu_irq, "platform.arm64.smmu_evtq_irq", -1, "must be 0"),
	BAD(no_smmu_gerror_irq, "platform.arm64.smmu_gerror_irq", -1,
	    "must be 0"),
	BAD(cell_takes_smmu_evtq_irq, "irqs", 0, "INTID 106 is the SMMU's"),
	BAD(cell_takes_smmu_irq, "irqs", 0,
	    "INTID 109 is the SMMU's, which is Warden's"),
	OK(smmu_ok),
	OK(smmu_stage2_ok),
	BAD(smmu_unaligned, "platform.arm64.smmu_base", -1,
	    "SMMU at 0x9051000 size 0x20000: an SMMUv3 is 0x20000 bytes"),
	BAD(smmu_size_wrong, "platform.arm64.smmu_base", -1,
	    "size 0x10000: an SMMUv3"),
	BAD(smmu_in_ram, "platform.arm64.smmu_base", -1, "outside RAM"),
	BAD(smmu_stage_3, "platform.arm64.smmu_stage", -1,
	    "3 is not 1 (stage 1) or 2"),
	BAD(smmu_sid_bits_0, "platform.arm64.smmu_sid_bits", -1,
	    "0 stream ID bits, must be 1..15"),
	BAD(smmu_sid_bits_16, "platform.arm64.smmu_sid_bits", -1,
	    "16 stream ID bits"),
	OK(smmu_sid_bits_15),
	BAD(no_smmu_size, "platform.arm64.smmu_size", -1, "must be 0"),
	BAD(no_smmu_stage, "platform.arm64.smmu_stage", -1, "must be 0"),
	BAD(no_smmu_sid_bits, "platform.arm64.smmu_sid_bits", -1, "must be 0"),
	BAD(root_maps_smmu, "mem", 2,
	    "0x9000000 (size 0x7000000) maps the SMMU at 0x9050000"),
	BAD(device_on_smmu, "devices", 0, "maps the SMMU"),
	OK(dma_with_stream),
	BAD(dma_without_stream, "devices", 0, "DMA device with no stream"),
	OK(dma_without_smmu),
	BAD(stream_beyond_sid_bits, "streams", 0,
	    "stream 256 is beyond the platform's 8 stream ID bits"),
	BAD(stream_device_missing, "streams", 0,
	    "stream 32: device 0 is not one of the cell's 0 devices"),
	BAD(stream_device_not_dma, "streams", 0, "with the DMA flag"),
	BAD(stream_twice, "streams", 1, "stream 32 is listed twice"),
	OK(stream_lent_by_root),
	BAD(stream_in_two_cells, "streams", 1,
	    "stream 24 also belongs to cell 'demo'"),
};

int main(void)
{
	return run_rule_cases("streams", cases,
			      sizeof(cases) / sizeof(cases[0]));
}
