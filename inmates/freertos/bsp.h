/* SPDX-License-Identifier: GPL-2.0 */
/* Board support for FreeRTOS in a Warden cell (bsp.c). */
#ifndef FREERTOS_BSP_H
#define FREERTOS_BSP_H

#include <stdbool.h>

#define BSP_TICK_PPI 27 /* EL1 virtual timer */

bool bsp_init(void);
const char *bsp_port_name(void);

#endif
