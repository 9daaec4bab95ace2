/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-and-set spinlock. Waiters `yield`: under QEMU TCG a plain polling
 * loop can starve the vCPU that holds the lock.
 */
#ifndef ARCH_SPINLOCK_H
#define ARCH_SPINLOCK_H

#include <wd/types.h>

typedef struct {
	u32 locked;
} spinlock_t;

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (READ_ONCE(l->locked))
			asm volatile("yield" : : : "memory");
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif
