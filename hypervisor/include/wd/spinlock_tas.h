/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A test-and-set lock on the compiler's __atomic builtins, for arches
 * with no lock of their own (x86, the fake arch of the host tests). The
 * includer first defines spin_relax(): what a waiter does per spin.
 * Waiters spin on a plain load so the line stays shared until release.
 */
#ifndef WD_SPINLOCK_TAS_H
#define WD_SPINLOCK_TAS_H

#include <wd/types.h>

typedef struct {
	u32 locked;
} spinlock_t;

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			spin_relax();
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
