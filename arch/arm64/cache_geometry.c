// SPDX-License-Identifier: GPL-2.0
/*
 * The last-level cache's way size, for colouring when the system config
 * leaves llc_way_size at 0: CLIDR_EL1 names the cache levels, CCSIDR_EL1
 * (selected with CSSELR_EL1) gives line size and set count of one level.
 * way size = line size x sets. Read once, at enable, before any cell.
 */
#include <arch.h>
#include <arch/sysreg.h>

#define CLIDR_CTYPE_SHIFT(level) (3 * ((level)-1))
#define CTYPE_DATA_OR_UNIFIED(t) ((t) >= 2 && (t) <= 4)
#define CACHE_LEVELS 7
/* ID_AA64MMFR2_EL1.CCIDX: 64-bit CCSIDR format (wider fields). */
#define MMFR2_CCIDX_SHIFT 20

/* The highest level that holds data: the last-level cache. */
static unsigned int llc_level(void)
{
	u64 clidr = read_sysreg(clidr_el1);
	unsigned int level, last = 0;

	for (level = 1; level <= CACHE_LEVELS; level++)
		if (CTYPE_DATA_OR_UNIFIED((clidr >> CLIDR_CTYPE_SHIFT(level)) &
					  7))
			last = level;
	return last;
}

/* CSSELR_EL1 is the root's EL1 state: put its value back. */
static u64 ccsidr_of(unsigned int level)
{
	u64 saved = read_sysreg(csselr_el1), ccsidr;

	write_sysreg((u64)(level - 1) << 1, csselr_el1); /* data/unified */
	isb();
	ccsidr = read_sysreg(ccsidr_el1);
	write_sysreg(saved, csselr_el1);
	isb();
	return ccsidr;
}

u64 arch_llc_way_size(void)
{
	unsigned int level = llc_level();
	u64 ccsidr, line, sets;
	bool wide = (read_sysreg(id_aa64mmfr2_el1) >> MMFR2_CCIDX_SHIFT) & 0xf;

	if (!level)
		return 0;
	ccsidr = ccsidr_of(level);
	line = 16ull << (ccsidr & 7); /* log2(words per line) - 2 */
	sets = wide ? ((ccsidr >> 32) & 0xffffff) + 1
		    : ((ccsidr >> 13) & 0x7fff) + 1;
	return line * sets;
}
