/* SPDX-License-Identifier: GPL-2.0 */
/* Spinlocks; the arch supplies the atomic primitives. */
#ifndef WD_SPINLOCK_H
#define WD_SPINLOCK_H

#include <arch/spinlock.h>

#endif
