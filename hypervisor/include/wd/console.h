/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypervisor console: every message goes to the ring the root reads
 * (/dev/warden_console) and, once the UART is mapped, to the UART.
 */
#ifndef WD_CONSOLE_H
#define WD_CONSOLE_H

#include <warden/hv_image.h>
#include <wd/types.h>

void console_init(void);
void console_write(const char *s, size_t len);
void console_enable_uart(bool on);
/* Physical address of the ring's page, mapped read-only into the root. */
u64 console_ring_phys(void);

#endif
