/* SPDX-License-Identifier: GPL-2.0 */
/* x86: a test-and-set lock; `pause` while it is held. */
#ifndef ARCH_SPINLOCK_H
#define ARCH_SPINLOCK_H

#include <wd/types.h>

typedef struct {
	u32 locked;
} spinlock_t;

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			asm volatile("pause");
}

/* True if taken (console.c drains the UART only if no one else does). */
static inline bool spin_trylock(spinlock_t *l)
{
	return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif
