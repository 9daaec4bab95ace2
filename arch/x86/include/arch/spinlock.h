/* SPDX-License-Identifier: GPL-2.0 */
/* x86: the shared test-and-set lock; `pause` while it is held. */
#ifndef ARCH_SPINLOCK_H
#define ARCH_SPINLOCK_H

static inline void spin_relax(void)
{
	asm volatile("pause");
}

#include <wd/spinlock_tas.h>

#endif
