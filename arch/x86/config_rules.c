// SPDX-License-Identifier: GPL-2.0
/*
 * The checker's x86 rules (wd/config_rules.h): the local APIC and IOAPIC
 * windows, APIC IDs and I/O port ranges of platform.x86. Built with
 * hypervisor/config.c wherever the checker is: freestanding, no libc, no
 * allocation, every blob value a claim (see config.c).
 *
 * A cell's I/O ports are platform.x86.pio[] ranges named by its
 * pio_ranges bits (two cells never share one: config.c's pair rule);
 * the root owns every port no cell takes. What x86 cells cannot have
 * yet: their own interrupt lines and the arm64 cell flags.
 */
#include <warden/config.h>
#include <wd/config_check.h>
#include <wd/config_rules.h>

#define PAGE_MASK (WD_PAGE_SIZE - 1)
#define IOAPIC_PINS_MAX 240u
#define X86_ARM64_FLAGS \
	(WD_CELL_DIRECT_IRQ | WD_CELL_AARCH32 | WD_CELL_GIC_IGNORE)

_Static_assert(sizeof(struct wd_platform_x86) <= 640, "wd_platform_x86 size");

static void check_apic_ids(struct checker *ck, const struct wd_platform *p)
{
	unsigned int n = wdc_platform_cpus(p), i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++)
			if (p->x86.apic_id[i] == p->x86.apic_id[j])
				wdc_violation(ck, "platform.x86.apic_id",
					      (int)i, WDV_X86_APIC_ID_TWICE,
					      p->x86.apic_id[i], j);
}

static void check_ioapics(struct checker *ck, const struct wd_platform_x86 *x)
{
	unsigned int i;

	for (i = 0; i < WD_X86_MAX_IOAPICS; i++) {
		const struct wd_x86_ioapic *io = &x->ioapic[i];

		if (io->base & PAGE_MASK)
			wdc_violation(ck, "platform.x86.ioapic", (int)i,
				      WDV_X86_IOAPIC_BASE, io->base);
		if (io->base && (!io->pins || io->pins > IOAPIC_PINS_MAX))
			wdc_violation(ck, "platform.x86.ioapic", (int)i,
				      WDV_X86_IOAPIC_PINS, io->pins);
	}
}

static void check_pio(struct checker *ck, const struct wd_platform_x86 *x)
{
	unsigned int i;

	for (i = 0; i < WD_X86_MAX_PIO_RANGES; i++) {
		const struct wd_pio_range *r = &x->pio[i];

		if ((wd_u32)r->start + r->count > 0x10000u)
			wdc_violation(ck, "platform.x86.pio", (int)i,
				      WDV_X86_PIO_RANGE, r->start, r->count);
		if (r->flags)
			wdc_violation(ck, "platform.x86.pio", (int)i,
				      WDV_MUST_BE_ZERO, r->flags);
	}
}

static void x86_platform(struct checker *ck, const struct wd_system *sys)
{
	const struct wd_platform_x86 *x = &sys->platform.x86;

	if (!x->lapic_base || (x->lapic_base & PAGE_MASK))
		wdc_violation(ck, "platform.x86.lapic_base", -1,
			      WDV_X86_LAPIC_BASE, x->lapic_base);
	if (x->reserved0 || x->reserved1)
		wdc_violation(ck, "platform.x86.reserved", -1, WDV_MUST_BE_ZERO,
			      x->reserved0 | (wd_u64)x->reserved1);
	check_apic_ids(ck, &sys->platform);
	check_ioapics(ck, x);
	check_pio(ck, x);
}

static void x86_cell_alone(struct checker *ck, const struct wd_cell *c,
			   int is_root)
{
	struct wdc_irq ref;
	unsigned int i;

	if (is_root && c->pio_ranges)
		wdc_violation(ck, "pio_ranges", -1, WDV_X86_PIO_ROOT,
			      (wd_u64)c->pio_ranges);
	if (c->flags & X86_ARM64_FLAGS)
		wdc_violation(ck, "flags", -1, WDV_X86_ARM64_FLAG,
			      c->flags & X86_ARM64_FLAGS);
	for (i = 0; i < wdc_irq_count(c); i++) {
		wdc_irq_get(c, i, &ref);
		if (ref.intid)
			wdc_violation(ck, ref.field, ref.index, WDV_X86_NO_IRQS,
				      ref.intid);
	}
}

/* A cell's port ranges are the platform's, by index (pio_ranges bits). */
static void x86_cell_in_system(struct checker *ck, const struct wd_cell *c,
			       const struct wd_system *sys)
{
	unsigned int i;

	for (i = 0; i < 32; i++)
		if ((c->pio_ranges >> i & 1) &&
		    (i >= WD_X86_MAX_PIO_RANGES ||
		     !sys->platform.x86.pio[i].count))
			wdc_violation(ck, "pio_ranges", (int)i,
				      WDV_X86_PIO_NONE, i);
}

/*
 * The root passes the local APIC and IOAPICs through (Linux drives them);
 * which windows a non-root cell may map comes with x86 cells.
 */
static void x86_resource(struct checker *ck, const struct wdc_resource *r,
			 const struct wd_system *sys)
{
	(void)ck, (void)r, (void)sys;
}

const struct wdc_arch_rules wdc_x86_rules = {
	.platform = x86_platform,
	.cell_alone = x86_cell_alone,
	.cell_in_system = x86_cell_in_system,
	.resource = x86_resource,
};
