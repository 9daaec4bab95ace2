// SPDX-License-Identifier: GPL-2.0
/*
 * Rules that need the platform or several cells: each cell against the
 * system (CPUs, IRQs, colours, hypervisor, GIC, RAM and pool), then every
 * pair of cells, root included (memory, device MMIO, CPUs, IRQs, colours,
 * names) and the root keeping a CPU.
 */
#include "rule_cases.h"

#define PLAT(s) (&(s)->system.sys.platform)
#define DEMO(s) (&(s)->cells[0])
#define ROOT(s) (&(s)->system.root)

static void unchanged(struct scenario *s)
{
	(void)s;
}

static void two_cells(struct scenario *s)
{
	tb_add_cell2(s);
}

static void cpu_missing(struct scenario *s)
{
	DEMO(s)->cell.cpu_set = 1ull << 5;
}

static void cpu_63_of_64(struct scenario *s)
{
	unsigned int cpu;

	PLAT(s)->num_cpus = 64;
	for (cpu = 0; cpu < 64; cpu++)
		PLAT(s)->arm64.mpidr[cpu] = cpu;
	ROOT(s)->cell.cpu_set = ~0ull;
	DEMO(s)->cell.cpu_set = 1ull << 63;
}

static void irq_beyond_gic(struct scenario *s)
{
	tb_add_irq(DEMO(s), 288);
}

static void irq_last_line(struct scenario *s)
{
	tb_add_irq(DEMO(s), 287);
}

static void irq_special_intid(struct scenario *s)
{
	PLAT(s)->arm64.num_irqs = 1024;
	tb_add_irq(DEMO(s), 1019);
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 1020);
}

static void colours_beyond_platform(struct scenario *s)
{
	PLAT(s)->llc_way_size = 0x20000; /* 32 colours */
	DEMO(s)->cell.colours = 1ull << 32;
}

/* One colour of 32 holds 4 MiB of the 128 MiB pool: take 1 MiB. */
static void colours_last(struct scenario *s)
{
	PLAT(s)->llc_way_size = 0x20000;
	DEMO(s)->cell.colours = 1ull << 31;
	DEMO(s)->mem[0].size = 0x100000;
}

static void colours_unknown_way(struct scenario *s)
{
	DEMO(s)->cell.colours = 1ull << 63; /* llc_way_size 0: CCSIDR */
}

static void ram_in_hypervisor(struct scenario *s)
{
	tb_add_mem(DEMO(s), TB_HV, 0x50000000, 0x1000, TB_RW);
}

static void device_on_gicd(struct scenario *s)
{
	tb_add_dev(DEMO(s), "gic", TB_GICD, 0x1000, 0);
}

static void device_on_last_gicr(struct scenario *s)
{
	tb_add_dev(DEMO(s), "gicr3", TB_GICR + 3 * 0x20000 + 0x10000, 0x1000,
		   0);
}

static void device_after_gicr(struct scenario *s)
{
	tb_add_dev(DEMO(s), "other", TB_GICR + 4 * 0x20000, 0x1000, 0);
}

static void ram_outside_board(struct scenario *s)
{
	DEMO(s)->mem[0].phys_start = 0x80000000;
}

static void ram_outside_pool(struct scenario *s)
{
	DEMO(s)->mem[0].phys_start = 0x70000000;
}

static void ram_straddles_pool_end(struct scenario *s)
{
	DEMO(s)->mem[0].phys_start = TB_HV - 0x800000;
}

static void io_in_ram(struct scenario *s)
{
	tb_add_mem(DEMO(s), 0x7e000000, 0x50000000, 0x1000, TB_RW | WD_MEM_IO);
}

static void overlap_cells(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	s->cells[i].mem[0].phys_start = TB_POOL + 0x00fff000;
}

static void overlap_both_shared(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	tb_add_mem(DEMO(s), 0x7e000000, 0x50000000, 0x1000,
		   TB_RW | WD_MEM_SHARED);
	tb_add_mem(&s->cells[i], 0x7e000000, 0x50000000, 0x1000,
		   TB_RW | WD_MEM_SHARED);
}

static void overlap_one_shared(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	tb_add_mem(DEMO(s), 0x7e000000, 0x50000000, 0x1000,
		   TB_RW | WD_MEM_SHARED);
	tb_add_mem(&s->cells[i], 0x7e000000, 0x50000000, 0x1000, TB_RW);
}

static void shared_with_root(struct scenario *s)
{
	tb_add_mem(ROOT(s), 0x7e000000, 0x7e000000, 0x1000,
		   TB_RW | WD_MEM_SHARED);
	tb_add_mem(DEMO(s), 0x7e000000, 0x50000000, 0x1000,
		   TB_RW | WD_MEM_SHARED);
}

static void device_of_root(struct scenario *s)
{
	tb_add_dev(DEMO(s), "rtc", QEMU_VIRT_PL031_BASE, 0x1000,
		   QEMU_VIRT_PL031_IRQ);
}

/* A device outside the root's IO regions: RAM-type root memory. */
static void device_on_root_memory(struct scenario *s)
{
	tb_add_mem(ROOT(s), 0x0c000000, 0x0c000000, 0x1000, TB_RW);
	tb_add_dev(DEMO(s), "uart1", 0x0c000000, 0x1000, 0);
}

static void io_region_of_root(struct scenario *s)
{
	tb_add_mem(DEMO(s), 0x0a000000, 0x0a000000, 0x1000, TB_RW | WD_MEM_IO);
}

static void device_of_other_cell(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 0);
	tb_add_dev(&s->cells[i], "uart1", 0x08200000, 0x1000, 0);
}

/* Warden's console UART (the root's Linux console too): no cell's. */
static void device_on_console(struct scenario *s)
{
	tb_add_dev(DEMO(s), "uart0", QEMU_VIRT_UART_BASE, 0x1000, 0);
}

static void io_next_to_console(struct scenario *s)
{
	tb_add_dev(DEMO(s), "rtc", QEMU_VIRT_UART_BASE + 0x1000, 0x1000, 0);
}

static void devices_adjacent(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 0);
	tb_add_dev(&s->cells[i], "uart2", 0x08201000, 0x1000, 0);
}

static void cpus_overlap(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	s->cells[i].cell.cpu_set |= 1ull << 3;
}

static void last_root_cpu(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	s->cells[i].cell.cpu_set = 0x6;
	DEMO(s)->cell.cpu_set = 0x9;
}

static void root_keeps_cpu_0(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	s->cells[i].cell.cpu_set = 0x6;
}

static void irq_shared_cells(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	tb_add_irq(DEMO(s), 40);
	tb_add_dev(&s->cells[i], "uart1", 0x08200000, 0x1000, 40);
}

static void irq_taken_from_root(struct scenario *s)
{
	tb_add_irq(ROOT(s), 40);
	tb_add_irq(DEMO(s), 40);
}

static void colours_overlap(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	DEMO(s)->cell.colours = 0x0f;
	s->cells[i].cell.colours = 0x18;
}

static void colours_disjoint(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	DEMO(s)->cell.colours = 0x0f;
	s->cells[i].cell.colours = 0xf0;
}

static void colours_overlap_root(struct scenario *s)
{
	ROOT(s)->cell.colours = 0x3;
	DEMO(s)->cell.colours = 0x2;
}

static void same_name(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	s->cells[i].cell.name[0] = 'd';
	s->cells[i].cell.name[1] = 'e';
	s->cells[i].cell.name[2] = 'm';
	s->cells[i].cell.name[3] = 'o';
	s->cells[i].cell.name[4] = '\0';
}

static void named_root(struct scenario *s)
{
	DEMO(s)->cell.name[0] = 'r';
	DEMO(s)->cell.name[1] = 'o';
	DEMO(s)->cell.name[2] = 'o';
	DEMO(s)->cell.name[3] = 't';
	DEMO(s)->cell.name[4] = '\0';
}

static void three_cells_one_cpu_each(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	i = tb_add_cell2(s);
	s->cells[i].cell.name[4] = '3';
	s->cells[i].cell.cpu_set = 1ull << 1;
	s->cells[i].mem[0].phys_start = TB_POOL + 0x02000000;
	s->cells[i].mem[1].phys_start = TB_HV - 3 * WD_PAGE_SIZE;
}

static const struct rule_case cases[] = {
	OK(unchanged),
	OK(two_cells),
	OK(three_cells_one_cpu_each),
	BAD(cpu_missing, "cpu_set", 5, "CPU 5 does not exist"),
	OK(cpu_63_of_64),
	BAD(irq_beyond_gic, "irqs", 0,
	    "INTID 288 does not exist (the GIC has 288)"),
	OK(irq_last_line),
	BAD(irq_special_intid, "devices", 0, "INTID 1020 is special"),
	BAD(colours_beyond_platform, "colours", -1, "beyond the platform's 32"),
	OK(colours_last),
	OK(colours_unknown_way),
	BAD(ram_in_hypervisor, "mem", 2, "overlaps the hypervisor's memory"),
	BAD(device_on_gicd, "devices", 0, "maps the GIC distributor"),
	BAD(device_on_last_gicr, "devices", 0, "maps the GIC redistributor"),
	OK(device_after_gicr),
	BAD(ram_outside_board, "mem", 0, "outside the board's RAM"),
	BAD(ram_outside_pool, "mem", 0,
	    "0x70000000 (size 0x1000000) is "
	    "outside the cell pool"),
	BAD(ram_straddles_pool_end, "mem", 0, "outside the cell pool"),
	BAD(io_in_ram, "mem", 2, "device memory 0x7e000000 lies in RAM"),
	BAD(overlap_cells, "mem", 0, "overlaps cell 'demo' mem[0]"),
	OK(overlap_both_shared),
	BAD(overlap_one_shared, "mem", 2, "overlaps cell 'demo' mem[2]"),
	OK(shared_with_root),
	OK(device_of_root),
	BAD(device_on_root_memory, "devices", 0,
	    "memory 0xc000000 overlaps cell 'root' mem[4], not SHARED"),
	BAD(io_region_of_root, "mem", 2, "device MMIO 0xa000000 shared"),
	BAD(device_of_other_cell, "devices", 0,
	    "device MMIO 0x8200000 shared with cell 'demo' devices[0]"),
	OK(devices_adjacent),
	BAD(device_on_console, "devices", 0,
	    "0x9000000 (size 0x1000) maps Warden's console UART at 0x9000000"),
	OK(io_next_to_console),
	BAD(cpus_overlap, "cpu_set", -1, "CPUs 0x8 also belong to cell 'demo'"),
	BAD(last_root_cpu, "cpu_set", -1, "takes the root's last CPU"),
	OK(root_keeps_cpu_0),
	BAD(irq_shared_cells, "devices", 0, "INTID 40 also belongs to cell"),
	OK(irq_taken_from_root),
	BAD(colours_overlap, "colours", -1,
	    "colours 0x8 are also used by cell 'demo'"),
	OK(colours_disjoint),
	BAD(colours_overlap_root, "colours", -1, "also used by cell 'root'"),
	BAD(same_name, "name", -1, "another cell is called 'demo'"),
	BAD(named_root, "name", -1, "another cell is called 'root'"),
};

int main(void)
{
	return run_rule_cases("set", cases, sizeof(cases) / sizeof(cases[0]));
}
