/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ticket spinlock: CPUs get the lock in the order they asked for it, so
 * a CPU that takes and drops the lock in a loop (a cell flooding Warden
 * with work) cannot starve the others. Waiters `yield`: under QEMU TCG a
 * plain polling loop can starve the vCPU that holds the lock.
 */
#ifndef ARCH_SPINLOCK_H
#define ARCH_SPINLOCK_H

#include <wd/types.h>

#ifdef __aarch64__
#define spin_relax() asm volatile("yield" : : : "memory")
#else /* the host unit tests (tests/unit/test_console.c) */
#define spin_relax() __atomic_signal_fence(__ATOMIC_SEQ_CST)
#endif

typedef union {
	struct {
		u32 owner; /* ticket being served */
		u32 next; /* next ticket to hand out */
	};
	u64 both; /* for spin_trylock's single compare-and-swap */
} spinlock_t;

static inline void spin_lock(spinlock_t *l)
{
	u32 me = __atomic_fetch_add(&l->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != me)
		spin_relax();
}

/* Takes the lock only if nobody holds or waits for it. */
static inline bool spin_trylock(spinlock_t *l)
{
	spinlock_t old = {.both = __atomic_load_n(&l->both, __ATOMIC_RELAXED)};
	spinlock_t new = old;

	if (old.owner != old.next)
		return false;
	new.next++;
	return __atomic_compare_exchange_n(&l->both, &old.both, new.both, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->owner, l->owner + 1, __ATOMIC_RELEASE);
}

#endif
