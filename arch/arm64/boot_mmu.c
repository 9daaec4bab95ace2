// SPDX-License-Identifier: GPL-2.0
/*
 * First MMU set-up on a CPU entering from the stub. This runs with the
 * EL2 MMU off (all data accesses are Device memory: the hypervisor is
 * built with -mstrict-align and nothing here uses atomics).
 *
 * The first CPU maps the whole hypervisor range 1:1 with 2 MiB blocks so
 * the C set-up can run and build the final tables; later CPUs go straight
 * to the final tables that the first one published in hyp_ttbr.
 */
#include <arch/mmu.h>
#include <wd/layout.h>

#define BLOCK_2M 0x200000ull
#define BOOT_RANGE_MAX 0x40000000ull /* the boot map spans at most 1 GiB */

static u64 boot_l1[512] __attribute__((aligned(4096)));
static u64 boot_l2[2][512] __attribute__((aligned(4096)));

/* Final TTBR0_EL2, set by arch_paging_activate() and cleaned to memory. */
u64 hyp_ttbr;

static u64 boot_block(u64 pa)
{
	return pa | PTE_BLOCK | PTE_AF | PTE_SH_INNER | PTE_AP_RES1 |
	       PTE_ATTR(MAIR_IDX_NORMAL);
}

static u64 *boot_l2_for(u64 pa, unsigned int *used)
{
	u64 *l1e = &boot_l1[(pa >> 30) & 511];

	if (!*l1e) {
		if (*used >= 2)
			return 0;
		*l1e = (u64)(unsigned long)boot_l2[*used] | PTE_TABLE;
		(*used)++;
	}
	return (u64 *)(unsigned long)(*l1e & PTE_ADDR_MASK);
}

u64 boot_tables(u64 start, u64 size)
{
	u64 pa, end;
	unsigned int used = 0;
	u64 *l2;

	if (hyp_ttbr)
		return hyp_ttbr;
	if (size > BOOT_RANGE_MAX)
		size = BOOT_RANGE_MAX;
	end = start + size;
	for (pa = start & ~(BLOCK_2M - 1); pa < end; pa += BLOCK_2M) {
		l2 = boot_l2_for(pa, &used);
		if (!l2)
			break;
		l2[(pa >> 21) & 511] = boot_block(pa);
	}
	return (u64)(unsigned long)boot_l1;
}
