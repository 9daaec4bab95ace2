// SPDX-License-Identifier: GPL-2.0
/*
 * Rules of a system config: platform, console, hypervisor / pool / RAM
 * ranges, and the root cell against them.
 */
#include <string.h>

#include "rule_cases.h"

#define PLAT(s) (&(s)->system.sys.platform)
#define SYS(s) (&(s)->system.sys)
#define ROOT(s) (&(s)->system.root)

static void unchanged(struct scenario *s)
{
	(void)s;
}

static void gic_version_4(struct scenario *s)
{
	PLAT(s)->arm64.gic_version = 4;
}

static void gicd_zero(struct scenario *s)
{
	PLAT(s)->arm64.gicd_base = 0;
}

static void gicr_zero(struct scenario *s)
{
	PLAT(s)->arm64.gicr_base = 0;
}

static void gicc_zero(struct scenario *s)
{
	PLAT(s)->arm64.gicc_base = 0;
}

static void gich_zero(struct scenario *s)
{
	PLAT(s)->arm64.gich_base = 0;
}

static void gicv_zero(struct scenario *s)
{
	PLAT(s)->arm64.gicv_base = 0;
}

static void gicd_unaligned(struct scenario *s)
{
	PLAT(s)->arm64.gicd_base = TB_GICD + 0x800;
}

static void gicd_in_ram(struct scenario *s)
{
	PLAT(s)->arm64.gicd_base = 0x50000000;
}

static void num_cpus_0(struct scenario *s)
{
	PLAT(s)->num_cpus = 0;
}

static void num_cpus_65(struct scenario *s)
{
	PLAT(s)->num_cpus = 65;
}

static void num_cpus_1(struct scenario *s)
{
	PLAT(s)->num_cpus = 1;
	memset(&PLAT(s)->arm64.mpidr[1], 0,
	       3 * sizeof(PLAT(s)->arm64.mpidr[0]));
	ROOT(s)->cell.cpu_set = 1;
	s->num_cells = 0; /* the demo cell needs CPU 3 */
}

static void num_cpus_64(struct scenario *s)
{
	unsigned int cpu;

	PLAT(s)->num_cpus = 64;
	for (cpu = 0; cpu < 64; cpu++)
		PLAT(s)->arm64.mpidr[cpu] = cpu;
	ROOT(s)->cell.cpu_set = ~0ull;
}

static void num_irqs_0(struct scenario *s)
{
	PLAT(s)->arm64.num_irqs = 0;
}

static void num_irqs_48(struct scenario *s)
{
	PLAT(s)->arm64.num_irqs = 48;
}

static void num_irqs_1056(struct scenario *s)
{
	PLAT(s)->arm64.num_irqs = 1056;
}

static void num_irqs_32(struct scenario *s)
{
	PLAT(s)->arm64.num_irqs = 32;
}

static void num_irqs_1024(struct scenario *s)
{
	PLAT(s)->arm64.num_irqs = 1024;
}

static void maint_irq_15(struct scenario *s)
{
	PLAT(s)->arm64.maint_irq = 15;
}

static void maint_irq_32(struct scenario *s)
{
	PLAT(s)->arm64.maint_irq = 32;
}

static void maint_irq_16(struct scenario *s)
{
	PLAT(s)->arm64.maint_irq = 16;
}

static void maint_irq_31(struct scenario *s)
{
	PLAT(s)->arm64.maint_irq = 31;
}

static void mpidr_duplicate(struct scenario *s)
{
	PLAT(s)->arm64.mpidr[2] = 1;
}

static void mpidr_absent_cpu(struct scenario *s)
{
	PLAT(s)->arm64.mpidr[4] = 4;
}

static void mpidr_not_affinity(struct scenario *s)
{
	PLAT(s)->arm64.mpidr[1] = 1 | (1ull << 31);
}

static void mpidr_aff3(struct scenario *s)
{
	PLAT(s)->arm64.mpidr[1] = 1ull << 32;
}

static void llc_way_128k(struct scenario *s)
{
	PLAT(s)->llc_way_size = 0x20000;
}

static void llc_way_not_pow2(struct scenario *s)
{
	PLAT(s)->llc_way_size = 0x3000;
}

static void llc_way_below_page(struct scenario *s)
{
	PLAT(s)->llc_way_size = 0x800;
}

static void platform_reserved(struct scenario *s)
{
	PLAT(s)->reserved[1] = 1;
}

static void platform_reserved0(struct scenario *s)
{
	PLAT(s)->reserved0 = 1;
}

static void arm64_features_unknown(struct scenario *s)
{
	PLAT(s)->arm64.features = 2;
}

/* The union's tail after the arm64 part (x86's bytes) must stay 0. */
static void arm64_tail(struct scenario *s)
{
	PLAT(s)->arch_raw[79] = 3;
}

/* arch_raw[76] is the first word after gits_base. */
static void arm64_tail_first(struct scenario *s)
{
	PLAT(s)->arch_raw[76] = 4;
}

static void console_pl011_at_0(struct scenario *s)
{
	SYS(s)->console.phys = 0;
}

static void console_unaligned(struct scenario *s)
{
	SYS(s)->console.phys = 0x09000800;
}

static void console_none(struct scenario *s)
{
	SYS(s)->console.type = WD_CONSOLE_NONE;
	SYS(s)->console.phys = 0;
}

static void console_none_with_phys(struct scenario *s)
{
	SYS(s)->console.type = WD_CONSOLE_NONE;
}

static void console_type_7(struct scenario *s)
{
	SYS(s)->console.type = 7;
}

static void console_reserved(struct scenario *s)
{
	SYS(s)->console.reserved = 1;
}

static void hypervisor_size_0(struct scenario *s)
{
	SYS(s)->hypervisor.size = 0;
}

static void hypervisor_start_unaligned(struct scenario *s)
{
	SYS(s)->hypervisor.start += 0x800;
	SYS(s)->hypervisor.size -= 0x1000;
}

static void hypervisor_size_unaligned(struct scenario *s)
{
	SYS(s)->hypervisor.size -= 0x800;
}

static void pool_wraps(struct scenario *s)
{
	SYS(s)->cell_pool.start = 0xfffffffffffff000ull;
	SYS(s)->cell_pool.size = 0x2000;
}

static void ram_beyond_48_bits(struct scenario *s)
{
	SYS(s)->ram.size = 1ull << 48;
}

static void hypervisor_outside_ram(struct scenario *s)
{
	SYS(s)->hypervisor.start = 0x80000000;
}

static void pool_outside_ram(struct scenario *s)
{
	SYS(s)->cell_pool.start = 0x80000000;
	s->num_cells = 0;
}

static void pool_over_hypervisor(struct scenario *s)
{
	SYS(s)->cell_pool.size += WD_PAGE_SIZE;
}

static void root_misses_cpu(struct scenario *s)
{
	ROOT(s)->cell.cpu_set = 0x7;
}

static void root_cpu_beyond_platform(struct scenario *s)
{
	ROOT(s)->cell.cpu_set = 0x1f;
}

static void root_over_hypervisor(struct scenario *s)
{
	tb_add_mem(&s->system.root, TB_HV + TB_HV_SIZE - WD_PAGE_SIZE, 0,
		   WD_PAGE_SIZE, TB_RW | WD_MEM_SHARED);
}

static void root_in_pool(struct scenario *s)
{
	tb_add_mem(&s->system.root, 0x7e000000, 0x7e000000, WD_PAGE_SIZE,
		   TB_RW);
}

static void root_shared_in_pool(struct scenario *s)
{
	tb_add_mem(&s->system.root, 0x7e000000, 0x7e000000, WD_PAGE_SIZE,
		   TB_RW | WD_MEM_SHARED);
}

static void root_maps_gicd(struct scenario *s)
{
	tb_add_mem(&s->system.root, TB_GICD, TB_GICD, 0x10000,
		   TB_RW | WD_MEM_IO);
}

/* configs/arm64/qemu-virt-common.h's region after the GIC. */
static void root_region_0x08100000(struct scenario *s)
{
	tb_add_mem(&s->system.root, 0x08100000, 0x08100000, 0x00f00000,
		   TB_RW | WD_MEM_IO);
}

static void root_after_gicr(struct scenario *s)
{
	tb_add_mem(&s->system.root, 0x08120000, 0x08120000, 0x00ee0000,
		   TB_RW | WD_MEM_IO);
}

static void root_io_in_ram(struct scenario *s)
{
	tb_add_mem(&s->system.root, 0x7e000000, 0x7e000000, WD_PAGE_SIZE,
		   TB_RW | WD_MEM_IO);
}

static void root_entry_ignored(struct scenario *s)
{
	ROOT(s)->cell.entry = 0x1234;
}

static void root_name_empty(struct scenario *s)
{
	ROOT(s)->cell.name[0] = '\0';
}

static void root_device_over_hypervisor(struct scenario *s)
{
	tb_add_dev(&s->system.root, "dev", TB_HV, WD_PAGE_SIZE, 0);
}

static const struct rule_case cases[] = {
	OK(unchanged),
	OK_V2(unchanged),
	BAD(gic_version_4, "platform.arm64.gic_version", -1, "not 2 or 3"),
	BAD(gicd_zero, "platform.arm64.gicd_base", -1, "must be set for GICv3"),
	BAD(gicr_zero, "platform.arm64.gicr_base", -1, "must be set"),
	BAD_V2(gicc_zero, "platform.arm64.gicc_base", -1,
	       "must be set for GICv2"),
	BAD_V2(gich_zero, "platform.arm64.gich_base", -1, "must be set"),
	BAD_V2(gicv_zero, "platform.arm64.gicv_base", -1, "must be set"),
	BAD(gicd_unaligned, "platform.arm64.gicd_base", -1,
	    "not 4 KiB aligned"),
	BAD(gicd_in_ram, "platform", -1,
	    "distributor at 0x50000000 lies in RAM"),
	BAD(num_cpus_0, "platform.num_cpus", -1, "0 is not in 1..64"),
	BAD(num_cpus_65, "platform.num_cpus", -1, "65 is not in 1..64"),
	OK(num_cpus_1),
	OK(num_cpus_64),
	BAD(num_irqs_0, "platform.arm64.num_irqs", -1, "not a multiple of 32"),
	BAD(num_irqs_48, "platform.arm64.num_irqs", -1, "48 is not"),
	BAD(num_irqs_1056, "platform.arm64.num_irqs", -1, "1056 is not"),
	OK(num_irqs_32),
	OK(num_irqs_1024),
	BAD(maint_irq_15, "platform.arm64.maint_irq", -1, "not a PPI"),
	BAD(maint_irq_32, "platform.arm64.maint_irq", -1, "not a PPI"),
	OK(maint_irq_16),
	OK(maint_irq_31),
	BAD(mpidr_duplicate, "platform.arm64.mpidr", 2, "is CPU 1's already"),
	BAD(mpidr_absent_cpu, "platform.arm64.mpidr", 4, "for a missing CPU"),
	BAD(mpidr_not_affinity, "platform.arm64.mpidr", 1,
	    "outside Aff0..Aff3"),
	OK(mpidr_aff3),
	OK(llc_way_128k),
	BAD(llc_way_not_pow2, "platform.llc_way_size", -1, "power of two"),
	BAD(llc_way_below_page, "platform.llc_way_size", -1, ">= 4 KiB"),
	BAD(platform_reserved, "platform.reserved", 1, "must be 0"),
	BAD(platform_reserved0, "platform.reserved0", -1, "0x1, must be 0"),
	BAD(arm64_features_unknown, "platform.arm64.features", -1,
	    "unknown features 0x2"),
	BAD(arm64_tail, "platform.arch_raw", 79, "after the arm64 part"),
	BAD(arm64_tail_first, "platform.arch_raw", 76, "0x4 after the arm64"),
	BAD(console_pl011_at_0, "console.phys", -1, "page-aligned UART"),
	BAD(console_unaligned, "console.phys", -1, "page-aligned UART"),
	OK(console_none),
	BAD(console_none_with_phys, "console.phys", -1, "without a console"),
	BAD(console_type_7, "console.type", -1, "7 is unknown"),
	BAD(console_reserved, "console.reserved", -1, "must be 0"),
	BAD(hypervisor_size_0, "hypervisor", -1, "size is zero"),
	BAD(hypervisor_start_unaligned, "hypervisor", -1,
	    "start 0x7f000800 is not 4 KiB aligned"),
	BAD(hypervisor_size_unaligned, "hypervisor", -1,
	    "not a multiple of 4 KiB"),
	BAD(pool_wraps, "cell_pool", -1, "exceeds the 48-bit"),
	BAD(ram_beyond_48_bits, "ram", -1, "exceeds the 48-bit"),
	BAD(hypervisor_outside_ram, "hypervisor", -1, "not inside RAM"),
	BAD(pool_outside_ram, "cell_pool", -1, "not inside RAM"),
	BAD(pool_over_hypervisor, "cell_pool", -1, "overlaps the hypervisor"),
	BAD(root_misses_cpu, "cpu_set", -1, "root must own every CPU"),
	BAD(root_cpu_beyond_platform, "cpu_set", -1, "root must own every CPU"),
	BAD(root_over_hypervisor, "mem", 4, "hypervisor's memory"),
	BAD(root_device_over_hypervisor, "devices", 0, "hypervisor's memory"),
	BAD(root_in_pool, "mem", 4, "gives the cell pool to the root"),
	OK(root_shared_in_pool),
	BAD(root_maps_gicd, "mem", 4, "maps the GIC distributor"),
	BAD(root_region_0x08100000, "mem", 4, "maps the GIC redistributor"),
	OK_V2(root_region_0x08100000),
	OK(root_after_gicr),
	BAD(root_io_in_ram, "mem", 4, "device memory 0x7e000000 lies in RAM"),
	OK(root_entry_ignored),
	BAD(root_name_empty, "name", -1, "empty"),
};

int main(void)
{
	return run_rule_cases("platform", cases,
			      sizeof(cases) / sizeof(cases[0]));
}
