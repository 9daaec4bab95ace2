// SPDX-License-Identifier: GPL-2.0
/*
 * Data cache maintenance by set/way (DC ISW, DC CSW, DC CISW and their
 * MTE forms), trapped by HCR_EL2.TSW. Done by the cell itself they would
 * work on the whole shared cache: evict every other cell's lines
 * (defeating cache colouring) and, for DC ISW, drop their dirty data.
 *
 * Warden never does them. A set/way loop exists to bring the caller's
 * own data to memory, so the operation that names set 0, way 0 of a
 * level, which every complete loop over a level contains exactly once,
 * cleans and invalidates the whole of the cell's RAM by address (an
 * invalidation is upgraded to clean+invalidate, as the architecture
 * allows); every other one is a no-op. The root's RAM is not mapped at
 * EL2 and Linux never uses set/way: for the root they are counted only.
 *
 * Trust: the operand comes from the cell and only selects whether the
 * flush runs; what is flushed comes from Warden's copy of the config.
 */
#include <warden/hypercall.h>
#include <arch.h>
#include <arch/cpu_state.h>
#include <arch/sysreg.h>
#include <wd/cell.h>
#include <wd/cell_colour.h>
#include <wd/percpu.h>
#include <wd/setup.h>

/*
 * DC <op>SW: op0 1, op1 0, CRn 7, CRm 6 (I), 10 (C), 14 (CI); op2 2, or
 * 4 and 6 for the MTE tag forms (op2 1, 3, 5 there are by-VA forms).
 */
#define SETWAY_MASK SYSREG_KEY(3, 7, 15, 15, 0)
#define SETWAY_KEY(crm) SYSREG_KEY(1, 0, 7, crm, 0)
#define SYSREG_OP2(key) (((key) >> 17) & 7)
/* The operand's level field; everything above it is set and way. */
#define SETWAY_LEVEL_BITS 0xfull

static bool is_setway(u64 key)
{
	u64 op2 = SYSREG_OP2(key);

	key &= SETWAY_MASK;
	if (!op2 || (op2 & 1))
		return false;
	return key == SETWAY_KEY(6) || key == SETWAY_KEY(10) ||
	       key == SETWAY_KEY(14);
}

/* Cell RAM is in the cell pool, which is mapped at EL2 (setup.c). */
static int flush_run(void *ctx, u64 ipa, u64 pa, u64 size)
{
	const struct wd_range *pool = ctx;

	(void)ipa;
	if (pa >= pool->start && size <= pool->size &&
	    pa - pool->start <= pool->size - size)
		arch_dcache_clean(pa, size);
	return 0;
}

static void flush_cell_ram(const struct cell *cell)
{
	const struct wd_range *pool = &wd_system_config()->cell_pool;
	const struct wd_mem_region *m = wd_cell_mem(cell->desc);
	unsigned int i;

	if (cell == &root_cell)
		return;
	for (i = 0; i < cell->desc->num_mem_regions; i++, m++)
		if (!(m->flags & WD_MEM_IO))
			region_for_each_run(cell->desc, m, flush_run,
					    (void *)pool);
}

bool setway_handle_trap(struct percpu *pc, struct trap_frame *f, u64 iss)
{
	if (!is_setway(iss & SYSREG_KEY_MASK) || SYSREG_IS_READ(iss))
		return false;
	pc->stats[WD_STAT_SETWAY]++;
	if (!(frame_reg(f, SYSREG_RT(iss)) & ~SETWAY_LEVEL_BITS))
		flush_cell_ram(pc->cell);
	skip_instruction();
	return true;
}
