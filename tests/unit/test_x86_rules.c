// SPDX-License-Identifier: GPL-2.0
/*
 * The checker's x86 rules (arch/x86/config_rules.c): a system blob with
 * the x86 platform part of configs/x86/qemu-q35.c, then one rule broken
 * per test. Built with the arm64 builder: the header's arch is set to
 * x86 after serialising, the union rewritten before.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <wd/config_check.h>
#include "builder.h"
#include "recorder.h"

static struct scenario s;
static struct recorder rec;

static void x86_platform(struct wd_platform *p)
{
	unsigned int i;

	memset(p->arch_raw, 0, sizeof(p->arch_raw));
	p->x86.lapic_base = 0xfee00000;
	p->x86.ioapic[0].base = 0xfec00000;
	p->x86.ioapic[0].pins = 24;
	p->x86.pm_timer_port = 0x608;
	for (i = 0; i < p->num_cpus; i++)
		p->x86.apic_id[i] = i;
	p->x86.pio[0].start = 0x3f8;
	p->x86.pio[0].count = 8;
}

static int setup(void **state)
{
	(void)state;
	tb_scenario_init(&s, 3);
	x86_platform(&s.system.sys.platform);
	rec_init(&rec);
	return 0;
}

/* The system blob as x86: 0 if the checker found nothing. */
static int check_x86(void)
{
	struct tb_blob b = tb_build_system(&s.system);
	int err;

	((struct wd_header *)b.data)->arch = WD_ARCH_X86;
	err = wd_check_system(b.data, b.size, &rec.report);
	tb_blob_free(&b);
	return err;
}

static void valid(void **state)
{
	(void)state;
	assert_int_equal(check_x86(), 0);
	assert_int_equal(rec.report.count, 0);
}

static void lapic_unset(void **state)
{
	(void)state;
	s.system.sys.platform.x86.lapic_base = 0;
	assert_int_not_equal(check_x86(), 0);
	assert_violation(&rec, "platform.x86.lapic_base", -1, "local APIC");
}

static void lapic_unaligned(void **state)
{
	(void)state;
	s.system.sys.platform.x86.lapic_base = 0xfee00800;
	assert_int_not_equal(check_x86(), 0);
	assert_violation(&rec, "platform.x86.lapic_base", -1, "0xfee00800");
}

static void apic_id_twice(void **state)
{
	(void)state;
	s.system.sys.platform.x86.apic_id[2] = 1;
	assert_int_not_equal(check_x86(), 0);
	assert_violation(&rec, "platform.x86.apic_id", 2,
			 "APIC ID 1 is CPU 1's");
}

static void ioapic_unaligned(void **state)
{
	(void)state;
	s.system.sys.platform.x86.ioapic[1].base = 0xfec01004;
	s.system.sys.platform.x86.ioapic[1].pins = 24;
	assert_int_not_equal(check_x86(), 0);
	assert_violation(&rec, "platform.x86.ioapic", 1, "not 4 KiB aligned");
}

static void ioapic_pins(void **state)
{
	(void)state;
	s.system.sys.platform.x86.ioapic[0].pins = 241;
	assert_int_not_equal(check_x86(), 0);
	assert_violation(&rec, "platform.x86.ioapic", 0, "241 pins");
}

static void pio_past_end(void **state)
{
	(void)state;
	s.system.sys.platform.x86.pio[3].start = 0xfff0;
	s.system.sys.platform.x86.pio[3].count = 0x20;
	assert_int_not_equal(check_x86(), 0);
	assert_violation(&rec, "platform.x86.pio", 3, "past 0xffff");
}

static void pio_flags(void **state)
{
	(void)state;
	s.system.sys.platform.x86.pio[0].flags = 1;
	assert_int_not_equal(check_x86(), 0);
	assert_violation(&rec, "platform.x86.pio", 0, "");
}

static void reserved(void **state)
{
	(void)state;
	s.system.sys.platform.x86.reserved1 = 4;
	assert_int_not_equal(check_x86(), 0);
	assert_violation(&rec, "platform.x86.reserved", -1, "");
}

static void root_irq(void **state)
{
	(void)state;
	tb_add_irq(&s.system.root, 40);
	assert_int_not_equal(check_x86(), 0);
	assert_violation(&rec, "irqs", 0, "no interrupt lines");
}

static void root_arm64_flag(void **state)
{
	(void)state;
	s.system.root.cell.flags |= WD_CELL_GIC_IGNORE;
	assert_int_not_equal(check_x86(), 0);
	assert_violation(&rec, "flags", -1, "arm64's");
}

/* The whole set, every blob marked x86 (as check_x86 does). */
static void check_x86_set(void)
{
	struct tb_blob sys = tb_build_system(&s.system);
	struct tb_blob cells[TB_MAX_CELLS];
	struct wd_blob set[TB_MAX_CELLS];
	unsigned int i;

	((struct wd_header *)sys.data)->arch = WD_ARCH_X86;
	wd_check_system(sys.data, sys.size, &rec.report);
	for (i = 0; i < s.num_cells; i++) {
		cells[i] = tb_build_cell(&s.cells[i]);
		((struct wd_header *)cells[i].data)->arch = WD_ARCH_X86;
		wd_check_cell(cells[i].data, cells[i].size, &rec.report);
		set[i] = (struct wd_blob){cells[i].data, cells[i].size};
	}
	wd_check_set(&(struct wd_blob){sys.data, sys.size}, set, s.num_cells,
		     &rec.report);
	for (i = 0; i < s.num_cells; i++)
		tb_blob_free(&cells[i]);
	tb_blob_free(&sys);
}

/* A cell owning an existing range is fine: no pio_ranges violation. */
static void pio_cell_ok(void **state)
{
	(void)state;
	s.cells[0].cell.pio_ranges = 1;
	check_x86_set();
	assert_false(rec_has(&rec, "pio_ranges", 0, ""));
	assert_false(rec_has(&rec, "pio_ranges", -1, ""));
}

static void pio_not_a_range(void **state)
{
	(void)state;
	s.cells[0].cell.pio_ranges = 1u << 3;
	check_x86_set();
	assert_violation(&rec, "pio_ranges", 3, "not a port range");
}

static void pio_past_table(void **state)
{
	(void)state;
	s.cells[0].cell.pio_ranges = 1u << WD_X86_MAX_PIO_RANGES;
	check_x86_set();
	assert_violation(&rec, "pio_ranges", WD_X86_MAX_PIO_RANGES,
			 "not a port range");
}

static void pio_root(void **state)
{
	(void)state;
	s.system.root.cell.pio_ranges = 1;
	check_x86_set();
	assert_violation(&rec, "pio_ranges", -1, "the root owns every port");
}

static void pio_shared(void **state)
{
	(void)state;
	s.cells[tb_add_cell2(&s)].cell.pio_ranges = 1;
	s.cells[0].cell.pio_ranges = 1;
	check_x86_set();
	assert_violation(&rec, "pio_ranges", -1, "also owned by cell");
}

static void cell_reserved1(void **state)
{
	(void)state;
	s.cells[0].cell.reserved1 = 1;
	check_x86_set();
	assert_violation(&rec, "reserved1", -1, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(valid, setup),
		cmocka_unit_test_setup(lapic_unset, setup),
		cmocka_unit_test_setup(lapic_unaligned, setup),
		cmocka_unit_test_setup(apic_id_twice, setup),
		cmocka_unit_test_setup(ioapic_unaligned, setup),
		cmocka_unit_test_setup(ioapic_pins, setup),
		cmocka_unit_test_setup(pio_past_end, setup),
		cmocka_unit_test_setup(pio_flags, setup),
		cmocka_unit_test_setup(reserved, setup),
		cmocka_unit_test_setup(root_irq, setup),
		cmocka_unit_test_setup(root_arm64_flag, setup),
		cmocka_unit_test_setup(pio_cell_ok, setup),
		cmocka_unit_test_setup(pio_not_a_range, setup),
		cmocka_unit_test_setup(pio_past_table, setup),
		cmocka_unit_test_setup(pio_root, setup),
		cmocka_unit_test_setup(pio_shared, setup),
		cmocka_unit_test_setup(cell_reserved1, setup),
	};

	return cmocka_run_group_tests_name("x86 rules", tests, NULL, NULL);
}
