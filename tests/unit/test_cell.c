// SPDX-License-Identifier: GPL-2.0
/*
 * Rules of one cell on its own: name, flags, CPUs, memory regions, comm
 * region, devices, IRQ lists, guest-physical layout and entry point. The
 * base scenario's cell "demo" (cells[0]) is edited; its devices sit at
 * 0x08200000, a hole of the root's map between the GIC and the UART.
 */
#include <string.h>

#include "rule_cases.h"

#define DEMO(s) (&(s)->cells[0])
#define CELL(s) (&(s)->cells[0].cell)
#define MEM(s, i) (&(s)->cells[0].mem[i])

static void unchanged(struct scenario *s)
{
	(void)s;
}

static void name_empty(struct scenario *s)
{
	CELL(s)->name[0] = '\0';
}

static void name_unterminated(struct scenario *s)
{
	memset(CELL(s)->name, 'x', WD_NAME_LEN);
}

static void name_31_chars(struct scenario *s)
{
	memset(CELL(s)->name, 'x', WD_NAME_LEN - 1);
}

static void flags_unknown(struct scenario *s)
{
	CELL(s)->flags = 1u << 5;
}

static void flags_direct_irq(struct scenario *s)
{
	CELL(s)->flags = WD_CELL_DIRECT_IRQ;
}

static void direct_irq_on_root(struct scenario *s)
{
	s->system.root.cell.flags |= WD_CELL_DIRECT_IRQ;
}

static void direct_irq_gicv2(struct scenario *s)
{
	CELL(s)->flags = WD_CELL_DIRECT_IRQ;
}

static void flags_aarch32(struct scenario *s)
{
	CELL(s)->flags = WD_CELL_AARCH32;
}

static void aarch32_on_root(struct scenario *s)
{
	s->system.root.cell.flags |= WD_CELL_AARCH32;
}

/* A board whose CPUs run AArch64 only at EL1 (e.g. Cortex-A76 EL1). */
static void aarch32_without_feature(struct scenario *s)
{
	CELL(s)->flags = WD_CELL_AARCH32;
	s->system.sys.platform.arm64.features = 0;
}

/* A one-task EDF set, as cells/arm64/rtos.c carries a bigger one. */
static void rt_set(struct tb_cell *c)
{
	c->cell.flags |= WD_CELL_RT_TASKSET;
	memset(&c->rt, 0, sizeof(c->rt));
	c->rt.magic = WD_RT_TASKSET_MAGIC;
	c->rt.revision = WD_RT_TASKSET_REVISION;
	c->rt.policy = WD_RT_EDF;
	c->rt.count = 1;
	memcpy(c->rt.task[0].name, "t", 2);
	c->rt.task[0].period_us = 1000;
	c->rt.task[0].deadline_us = 1000;
	c->rt.task[0].wcet_us = 100;
}

static void rt_valid(struct scenario *s)
{
	rt_set(DEMO(s));
}

static void rt_bad_magic(struct scenario *s)
{
	rt_set(DEMO(s));
	DEMO(s)->rt.magic ^= 1;
}

static void rt_bad_revision(struct scenario *s)
{
	rt_set(DEMO(s));
	DEMO(s)->rt.revision = WD_RT_TASKSET_REVISION + 1;
}

static void rt_bad_policy(struct scenario *s)
{
	rt_set(DEMO(s));
	DEMO(s)->rt.policy = 7;
}

static void rt_no_task(struct scenario *s)
{
	rt_set(DEMO(s));
	DEMO(s)->rt.count = 0;
}

static void rt_too_many_tasks(struct scenario *s)
{
	rt_set(DEMO(s));
	DEMO(s)->rt.count = WD_RT_MAX_TASKS + 1;
}

static void rt_max_tasks(struct scenario *s)
{
	rt_set(DEMO(s));
	DEMO(s)->rt.count = WD_RT_MAX_TASKS;
}

static void rt_on_root(struct scenario *s)
{
	rt_set(&s->system.root);
}

static void cpu_set_empty(struct scenario *s)
{
	CELL(s)->cpu_set = 0;
}

static void mem_flags_unknown(struct scenario *s)
{
	MEM(s, 0)->flags |= 1u << 7;
}

static void mem_no_access(struct scenario *s)
{
	MEM(s, 0)->flags = WD_MEM_LOADABLE;
}

static void mem_write_only(struct scenario *s)
{
	MEM(s, 0)->flags = WD_MEM_WRITE;
	CELL(s)->num_mem_regions = 1;
	tb_add_mem(DEMO(s), 0x78000000, 0x50000000, 0x1000, TB_RWX);
	CELL(s)->entry = 0x50000000;
}

static void mem_io_exec(struct scenario *s)
{
	tb_add_mem(DEMO(s), 0x08200000, 0x08200000, 0x1000, WD_MEM_IO | TB_RWX);
}

static void mem_reserved(struct scenario *s)
{
	MEM(s, 1)->reserved = 2;
}

static void mem_size_0(struct scenario *s)
{
	MEM(s, 0)->size = 0;
}

static void mem_size_unaligned(struct scenario *s)
{
	MEM(s, 0)->size = 0x00fff000 + 0x10;
}

static void mem_phys_unaligned(struct scenario *s)
{
	MEM(s, 0)->phys_start += 0x200;
}

static void mem_virt_unaligned(struct scenario *s)
{
	MEM(s, 0)->virt_start += 0x200;
	CELL(s)->entry += 0x200;
}

static void mem_phys_beyond_48_bits(struct scenario *s)
{
	MEM(s, 0)->phys_start = 1ull << 48;
}

static void mem_virt_wraps(struct scenario *s)
{
	MEM(s, 0)->virt_start = ~0ull - 0xfff;
}

static void mem_virt_ends_at_48_bits(struct scenario *s)
{
	MEM(s, 0)->virt_start = (1ull << 48) - MEM(s, 0)->size;
	CELL(s)->entry = MEM(s, 0)->virt_start;
}

static void comm_twice(struct scenario *s)
{
	tb_add_mem(DEMO(s), TB_HV - 2 * WD_PAGE_SIZE, 0x80001000, 0x1000,
		   TB_RW | WD_MEM_COMM);
}

static void comm_two_pages(struct scenario *s)
{
	MEM(s, 1)->phys_start -= WD_PAGE_SIZE;
	MEM(s, 1)->size = 2 * WD_PAGE_SIZE;
}

static void comm_io(struct scenario *s)
{
	MEM(s, 1)->flags |= WD_MEM_IO;
}

static void comm_loadable(struct scenario *s)
{
	MEM(s, 1)->flags |= WD_MEM_LOADABLE;
}

static void comm_shared(struct scenario *s)
{
	MEM(s, 1)->flags |= WD_MEM_SHARED;
}

static void comm_none(struct scenario *s)
{
	CELL(s)->num_mem_regions = 1;
}

static void dev_ok(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 40);
}

static void dev_name_empty(struct scenario *s)
{
	tb_add_dev(DEMO(s), "", 0x08200000, 0x1000, 40);
}

static void dev_name_unterminated(struct scenario *s)
{
	unsigned int i = tb_add_dev(DEMO(s), "x", 0x08200000, 0x1000, 40);

	memset(DEMO(s)->dev[i].name, 'u', sizeof(DEMO(s)->dev[i].name));
}

static void dev_size_0(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0, 40);
}

static void dev_size_unaligned(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x100, 40);
}

static void dev_mmio_unaligned(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", 0x08200100, 0x1000, 40);
}

static void dev_mmio_wraps(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", ~0ull - 0xfff, 0x2000, 40);
}

static void dev_flags(struct scenario *s)
{
	unsigned int i = tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 0);

	DEMO(s)->dev[i].flags = 4;
}

/* A DMA device: the cell's RAM identity-mapped, not coloured. */
static void dev_dma(struct scenario *s, wd_u64 colours)
{
	unsigned int i = tb_add_dev(DEMO(s), "virtio", 0x0a003000, 0x1000, 0);

	DEMO(s)->dev[i].flags = WD_DEV_DMA;
	DEMO(s)->cell.num_mem_regions = 1; /* no comm page at 0x80000000 */
	DEMO(s)->mem[0].virt_start = DEMO(s)->mem[0].phys_start;
	DEMO(s)->cell.entry = DEMO(s)->mem[0].phys_start;
	DEMO(s)->cell.colours = colours;
}

static void dev_dma_identity(struct scenario *s)
{
	dev_dma(s, 0);
}

static void dev_dma_coloured(struct scenario *s)
{
	dev_dma(s, 0xf);
}

static void dev_dma_translated(struct scenario *s)
{
	dev_dma(s, 0);
	DEMO(s)->mem[0].virt_start = 0x40000000;
	DEMO(s)->cell.entry = 0x40000000;
}

static void gic_ignore_on_root(struct scenario *s)
{
	s->system.root.cell.flags |= WD_CELL_GIC_IGNORE;
}

static void dev_without_irq(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 0);
}

static void dev_irq_ppi(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 31);
}

static void dev_irq_32(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 32);
}

static void irq_32(struct scenario *s)
{
	tb_add_irq(DEMO(s), 32);
}

static void irq_ppi(struct scenario *s)
{
	tb_add_irq(DEMO(s), 40);
	tb_add_irq(DEMO(s), 27);
}

static void irq_zero(struct scenario *s)
{
	tb_add_irq(DEMO(s), 0);
}

static void irq_twice(struct scenario *s)
{
	tb_add_irq(DEMO(s), 40);
	tb_add_irq(DEMO(s), 41);
	tb_add_irq(DEMO(s), 40);
}

static void irq_also_device(struct scenario *s)
{
	tb_add_irq(DEMO(s), 40);
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 40);
}

static void dev_irq_twice(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 40);
	tb_add_dev(DEMO(s), "uart2", 0x08210000, 0x1000, 40);
}

static void two_devices_no_irq(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 0);
	tb_add_dev(DEMO(s), "uart2", 0x08210000, 0x1000, 0);
}

static void ipa_overlap_mem(struct scenario *s)
{
	MEM(s, 1)->virt_start = 0x40fff000;
}

static void ipa_adjacent_mem(struct scenario *s)
{
	MEM(s, 1)->virt_start = 0x41000000;
}

static void ipa_overlap_device(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 0);
	MEM(s, 1)->virt_start = 0x08200000;
}

static void no_ram(struct scenario *s)
{
	CELL(s)->num_mem_regions = 0;
	tb_add_mem(DEMO(s), 0x08200000, 0x08200000, 0x1000, TB_RW | WD_MEM_IO);
}

static void entry_outside(struct scenario *s)
{
	CELL(s)->entry = 0x3ffff000;
}

static void entry_at_end(struct scenario *s)
{
	CELL(s)->entry = 0x41000000;
}

static void entry_last_byte(struct scenario *s)
{
	CELL(s)->entry = 0x40fffffc;
}

static void entry_not_exec(struct scenario *s)
{
	MEM(s, 0)->flags &= ~WD_MEM_EXEC;
}

static void entry_in_comm(struct scenario *s)
{
	CELL(s)->entry = 0x80000000;
	MEM(s, 1)->flags |= WD_MEM_EXEC;
}

static void entry_in_io(struct scenario *s)
{
	tb_add_mem(DEMO(s), 0x08200000, 0x08200000, 0x1000, TB_RW | WD_MEM_IO);
	CELL(s)->entry = 0x08200000;
}

static const struct rule_case cases[] = {
	OK(unchanged),
	BAD(name_empty, "name", -1, "empty"),
	BAD(name_unterminated, "name", -1, "not NUL-terminated"),
	OK(name_31_chars),
	BAD(flags_unknown, "flags", -1, "unknown flags 0x20"),
	OK(flags_direct_irq),
	BAD(direct_irq_on_root, "flags", -1,
	    "the root cell cannot take its IRQs directly"),
	BAD_V2(direct_irq_gicv2, "flags", -1,
	       "direct IRQ delivery needs GICv3, the platform has GICv2"),
	OK(flags_aarch32),
	BAD(aarch32_on_root, "flags", -1, "the root cell cannot be AArch32"),
	BAD(aarch32_without_feature, "flags", -1,
	    "the platform's CPUs lack AArch32 at EL1"),
	BAD(cpu_set_empty, "cpu_set", -1, "empty"),
	BAD(mem_flags_unknown, "mem", 0, "unknown flags 0x80"),
	BAD(mem_no_access, "mem", 0, "grants no access"),
	OK(mem_write_only),
	BAD(mem_io_exec, "mem", 2, "IO region must not be executable"),
	BAD(mem_reserved, "mem", 1, "reserved is 0x2"),
	BAD(mem_size_0, "mem", 0, "size is zero"),
	BAD(mem_size_unaligned, "mem", 0, "not a multiple of 4 KiB"),
	BAD(mem_phys_unaligned, "mem", 0, "phys_start 0x77000200 is not 4 KiB"),
	BAD(mem_virt_unaligned, "mem", 0, "virt_start 0x40000200 is not 4 KiB"),
	BAD(mem_phys_beyond_48_bits, "mem", 0, "phys_start 0x1000000000000 +"),
	BAD(mem_virt_wraps, "mem", 0, "exceeds the 48-bit address space"),
	OK(mem_virt_ends_at_48_bits),
	BAD(comm_twice, "mem", 2, "second comm region (mem[1]"),
	BAD(comm_two_pages, "mem", 1, "comm region is 0x2000 bytes"),
	BAD(comm_io, "mem", 1, "comm region must not be IO"),
	BAD(comm_shared, "mem", 1, "comm region must not be IO or SHARED"),
	BAD(comm_loadable, "mem", 1, "comm region must not be LOADABLE"),
	OK(comm_none),
	OK(dev_ok),
	BAD(dev_name_empty, "devices", 0, "name is empty"),
	BAD(dev_name_unterminated, "devices", 0, "name not NUL-terminated"),
	BAD(dev_size_0, "devices", 0, "size is zero"),
	BAD(dev_size_unaligned, "devices", 0, "size 0x100 is not a multiple"),
	BAD(dev_mmio_unaligned, "devices", 0, "mmio_start 0x8200100 is not"),
	BAD(dev_mmio_wraps, "devices", 0, "exceeds the 48-bit"),
	BAD(dev_flags, "devices", 0, "unknown flags 0x4"),
	OK(dev_dma_identity),
	BAD(dev_dma_coloured, "mem", 0, "identity-mapped and not coloured"),
	BAD(dev_dma_translated, "mem", 0, "identity-mapped and not coloured"),
	BAD(gic_ignore_on_root, "flags", -1,
	    "the root's GIC writes are never ignored"),
	OK(dev_without_irq),
	BAD(dev_irq_ppi, "devices", 0, "INTID 31 is not an SPI"),
	OK(dev_irq_32),
	OK(irq_32),
	BAD(irq_ppi, "irqs", 1, "INTID 27 is not an SPI"),
	BAD(irq_zero, "irqs", 0, "INTID 0 is not an SPI"),
	BAD(irq_twice, "irqs", 2, "INTID 40 is listed twice (also irqs[0])"),
	BAD(irq_also_device, "devices", 0, "listed twice (also irqs[0])"),
	BAD(dev_irq_twice, "devices", 1, "listed twice (also devices[0])"),
	OK(two_devices_no_irq),
	BAD(ipa_overlap_mem, "mem", 1, "guest-physical 0x40fff000"),
	OK(ipa_adjacent_mem),
	BAD(ipa_overlap_device, "devices", 0, "overlaps mem[1]"),
	BAD(no_ram, "mem", -1, "no RAM region"),
	BAD(entry_outside, "entry", -1, "0x3ffff000 is not inside"),
	BAD(entry_at_end, "entry", -1, "0x41000000 is not inside"),
	OK(entry_last_byte),
	BAD(entry_not_exec, "entry", -1, "not inside an executable"),
	OK(entry_in_comm),
	BAD(entry_in_io, "entry", -1, "not inside an executable RAM region"),
	OK(rt_valid),
	BAD(rt_bad_magic, "rt_taskset", -1, "bad magic or revision"),
	BAD(rt_bad_revision, "rt_taskset", -1, "bad magic or revision"),
	BAD(rt_bad_policy, "rt_taskset", -1, "unknown policy 7"),
	BAD(rt_no_task, "rt_taskset", -1, "0 tasks, must be 1..8"),
	BAD(rt_too_many_tasks, "rt_taskset", -1, "9 tasks, must be 1..8"),
	OK(rt_max_tasks),
	BAD(rt_on_root, "flags", -1, "the root cell cannot run a task set"),
};

int main(void)
{
	return run_rule_cases("cell", cases, sizeof(cases) / sizeof(cases[0]));
}
