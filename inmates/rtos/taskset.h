/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the RTOS gets its task set: the cell config's, which Warden
 * copies into the comm region (WD_COMM_RT_TASKSET_OFFSET), else a table
 * built into the image, chosen at build time with -DRT_TASKSET=<one of
 * the IDs below> (inmates/build.mk builds one binary per ID).
 */
#ifndef INMATES_RTOS_TASKSET_H
#define INMATES_RTOS_TASKSET_H

#include <warden/rtos.h>

#define RT_TASKSET_EDF 1 /* rtos.bin */
#define RT_TASKSET_RM 2 /* rtos-rm.bin */
#define RT_TASKSET_OVERLOAD_EDF 3 /* rtos-overload.bin */
#define RT_TASKSET_OVERLOAD_RM 4 /* rtos-overload-rm.bin */

const struct wd_rt_taskset *taskset_get(void);
/* One line saying what the set is meant to show. */
const char *taskset_purpose(void);

#endif
