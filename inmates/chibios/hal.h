/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * No ChibiOS HAL in a Warden cell: the test framework (os/test) includes
 * "hal.h" for the kernel, the stream interface and a few OSAL names;
 * this is all of it.
 */
#ifndef HAL_H
#define HAL_H

#include "ch.h"
#include "hal_objects.h"
#include "hal_streams.h"

#define osalOsGetSystemTimeX() chVTGetSystemTimeX()
#define osalTimeIsInRangeX(t, s, e) chTimeIsInRangeX(t, s, e)
#define osalSysLock() chSysLock()
#define osalSysUnlock() chSysUnlock()
#define osalThreadSleepMilliseconds(ms) chThdSleepMilliseconds(ms)

#endif
