/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fake arch (host tests): the shared test-and-set lock with an empty
 * relax. Host tests are single-threaded today; the lock is real so a
 * threaded test would not need another.
 */
#ifndef ARCH_SPINLOCK_H
#define ARCH_SPINLOCK_H

static inline void spin_relax(void)
{
}

#include <wd/spinlock_tas.h>

#endif
