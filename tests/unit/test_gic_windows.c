// SPDX-License-Identifier: GPL-2.0
/*
 * Guest-physical GIC windows: no region of a cell (the root's too) may
 * cover the addresses where every cell finds its GIC (the distributor,
 * GICv3's redistributors, GICv2's CPU interface), whatever memory backs
 * the region. Failing and passing cases for each window and GIC version.
 */
#include "rule_cases.h"

#define DEMO(s) (&(s)->cells[0])
#define ROOT(s) (&(s)->system.root)
#define GICC_V2 0x08010000ull
#define GICV_V2 0x08040000ull
#define POOL_PAGE (TB_POOL + 0x02000000) /* free pool RAM */

/* One page of the pool seen by the demo cell at guest-physical ipa. */
static void ram_at(struct scenario *s, wd_u64 ipa)
{
	tb_add_mem(DEMO(s), POOL_PAGE, ipa, WD_PAGE_SIZE, TB_RW);
}

static void ram_on_gicd(struct scenario *s)
{
	ram_at(s, TB_GICD);
}

static void ram_on_gicd_last_page(struct scenario *s)
{
	ram_at(s, TB_GICD + 0xf000);
}

static void ram_below_gicd(struct scenario *s)
{
	ram_at(s, TB_GICD - WD_PAGE_SIZE);
}

/* 0x08010000: v3's distributor ends there, v2's CPU interface starts. */
static void ram_after_gicd(struct scenario *s)
{
	ram_at(s, TB_GICD + 0x10000);
}

static void ram_on_gicr(struct scenario *s)
{
	ram_at(s, TB_GICR);
}

/* CPU 3's SGI frame, the last page of the redistributors. */
static void ram_on_last_gicr(struct scenario *s)
{
	ram_at(s, TB_GICR + 4 * 0x20000 - WD_PAGE_SIZE);
}

static void ram_after_gicr(struct scenario *s)
{
	ram_at(s, TB_GICR + 4 * 0x20000);
}

/* A large region that starts below and ends inside the distributor. */
static void ram_across_gicd(struct scenario *s)
{
	tb_add_mem(DEMO(s), POOL_PAGE, 0x07f00000, 0x00200000, TB_RW);
}

static void ram_on_gicc(struct scenario *s)
{
	ram_at(s, GICC_V2 + WD_PAGE_SIZE);
}

static void ram_after_gicc(struct scenario *s)
{
	ram_at(s, GICC_V2 + 0x2000);
}

/* The v2 virtual CPU interface is physical only: no cell sees it there. */
static void ram_at_gicv_address(struct scenario *s)
{
	ram_at(s, GICV_V2);
}

static void io_on_gicd(struct scenario *s)
{
	tb_add_mem(DEMO(s), 0x08200000, TB_GICD, WD_PAGE_SIZE,
		   TB_RW | WD_MEM_IO);
}

/* A coloured region: its frames are in the pool, its addresses on GICD. */
static void coloured_on_gicd(struct scenario *s)
{
	DEMO(s)->cell.colours = 0xffff;
	ram_at(s, TB_GICD);
}

/* The root's IO region remapped: 0x08200000 seen at the distributor. */
static void root_io_on_gicd(struct scenario *s)
{
	tb_add_mem(ROOT(s), 0x08200000, TB_GICD, WD_PAGE_SIZE,
		   TB_RW | WD_MEM_IO);
}

static void root_io_on_gicr(struct scenario *s)
{
	tb_add_mem(ROOT(s), 0x08200000, TB_GICR + 0x20000, WD_PAGE_SIZE,
		   TB_RW | WD_MEM_IO);
}

static void root_io_on_gicc(struct scenario *s)
{
	tb_add_mem(ROOT(s), 0x08200000, GICC_V2, WD_PAGE_SIZE,
		   TB_RW | WD_MEM_IO);
}

/* GICv3 ITS (dma.md): the control frame is Warden's, the rest the root's */
static void its_root_maps_control(struct scenario *s)
{
	s->system.sys.platform.arm64.gits_base = QEMU_VIRT_ITS_BASE;
	tb_add_mem(ROOT(s), QEMU_VIRT_ITS_BASE, QEMU_VIRT_ITS_BASE,
		   QEMU_VIRT_ITS_SIZE, TB_RW | WD_MEM_IO);
}

static void its_root_maps_translater(struct scenario *s)
{
	s->system.sys.platform.arm64.gits_base = QEMU_VIRT_ITS_BASE;
	tb_add_mem(ROOT(s), QEMU_VIRT_ITS_BASE + QEMU_VIRT_ITS_CTRL_SIZE,
		   QEMU_VIRT_ITS_BASE + QEMU_VIRT_ITS_CTRL_SIZE,
		   QEMU_VIRT_ITS_SIZE - QEMU_VIRT_ITS_CTRL_SIZE,
		   TB_RW | WD_MEM_IO);
}

static void its_unaligned(struct scenario *s)
{
	s->system.sys.platform.arm64.gits_base = QEMU_VIRT_ITS_BASE + 0x800;
}

static void its_on_gicv2(struct scenario *s)
{
	s->system.sys.platform.arm64.gits_base = QEMU_VIRT_ITS_BASE;
}

static void root_io_after_gicr(struct scenario *s)
{
	tb_add_mem(ROOT(s), 0x08200000, TB_GICR + 4 * 0x20000, WD_PAGE_SIZE,
		   TB_RW | WD_MEM_IO);
}

static const struct rule_case cases[] = {
	BAD(ram_on_gicd, "mem", 2,
	    "guest-physical 0x8000000 (size 0x1000) overlaps the GIC "
	    "distributor at 0x8000000"),
	BAD_V2(ram_on_gicd, "mem", 2, "overlaps the GIC distributor"),
	BAD(ram_on_gicd_last_page, "mem", 2, "the GIC distributor"),
	BAD_V2(ram_on_gicd_last_page, "mem", 2, "the GIC distributor"),
	BAD(ram_across_gicd, "mem", 2, "the GIC distributor at 0x8000000"),
	BAD_V2(ram_across_gicd, "mem", 2, "the GIC distributor at 0x8000000"),
	OK(ram_below_gicd),
	OK_V2(ram_below_gicd),
	OK(ram_after_gicd),
	BAD(ram_on_gicr, "mem", 2,
	    "overlaps the GIC redistributors at 0x80a0000"),
	BAD(ram_on_last_gicr, "mem", 2, "the GIC redistributors"),
	OK(ram_after_gicr),
	OK_V2(ram_on_gicr),
	BAD_V2(ram_after_gicd, "mem", 2,
	       "overlaps the GIC CPU interface at 0x8010000"),
	BAD_V2(ram_on_gicc, "mem", 2, "the GIC CPU interface"),
	OK_V2(ram_after_gicc),
	OK_V2(ram_at_gicv_address),
	OK(ram_at_gicv_address),
	BAD(io_on_gicd, "mem", 2, "the GIC distributor"),
	BAD_V2(io_on_gicd, "mem", 2, "the GIC distributor"),
	BAD(coloured_on_gicd, "mem", 2, "the GIC distributor"),
	BAD_V2(coloured_on_gicd, "mem", 2, "the GIC distributor"),
	BAD(root_io_on_gicd, "mem", 4, "the GIC distributor at 0x8000000"),
	BAD_V2(root_io_on_gicd, "mem", 4, "the GIC distributor"),
	BAD(root_io_on_gicr, "mem", 4, "the GIC redistributors"),
	BAD_V2(root_io_on_gicc, "mem", 4, "the GIC CPU interface"),
	OK(root_io_after_gicr),
	OK_V2(root_io_on_gicr),
	BAD(its_root_maps_control, "mem", 4,
	    "0x8080000 (size 0x20000) maps the GIC ITS control frame"),
	OK(its_root_maps_translater),
	BAD(its_unaligned, "platform.arm64.gits_base", -1,
	    "0x8080800 is not 4 KiB aligned"),
	BAD_V2(its_on_gicv2, "platform.arm64.gits_base", -1, "must be 0"),
};

int main(void)
{
	return run_rule_cases("gic_windows", cases,
			      sizeof(cases) / sizeof(cases[0]));
}
