/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Translation regime settings shared by the MMU-off boot code and the
 * paging formats: 4 KiB granule, 39-bit input addresses, tables start at
 * level 1, for both the hypervisor (EL2) and the cells' stage 2.
 */
#ifndef ARCH_MMU_H
#define ARCH_MMU_H

#include <wd/types.h>

#define VA_BITS 39
#define VTTBR_VMID_SHIFT 48
#define PTE_VALID BIT(0)
#define PTE_TABLE (BIT(0) | BIT(1))
#define PTE_PAGE (BIT(0) | BIT(1))
#define PTE_BLOCK BIT(0)
#define PTE_TYPE_MASK 3ull
#define PTE_ADDR_MASK 0x0000fffffffff000ull
#define PTE_AF BIT(10)
#define PTE_SH_INNER (3ull << 8)
#define PTE_XN BIT(54)

/* Stage 1 (EL2): MAIR_EL2 indexes and access permissions. */
#define MAIR_IDX_NORMAL 0
#define MAIR_IDX_DEVICE 1
#define MAIR_EL2_VALUE 0x04ffull /* 0: WB RW-alloc, 1: Device-nGnRE */
#define PTE_ATTR(idx) ((u64)(idx) << 2)
#define PTE_AP_RO BIT(7)
#define PTE_AP_RES1 BIT(6) /* AP[1] is RES1 in the EL2 regime */

/* Stage 2 attributes. */
#define S2_MEMATTR_NORMAL (0xfull << 2)
#define S2_MEMATTR_DEVICE (0x1ull << 2)
#define S2_AP_READ BIT(6)
#define S2_AP_WRITE BIT(7)

u64 tcr_el2_value(void);
u64 vtcr_el2_value(void);
void mmu_enable(u64 ttbr);

#endif
