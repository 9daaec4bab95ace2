// SPDX-License-Identifier: GPL-2.0
/*
 * Hypervisor console: a ring the root cell reads through a read-only
 * stage-2 mapping, plus the UART when the config names one.
 */
#include <arch.h>
#include <wd/console.h>
#include <wd/spinlock.h>

#define RING_PAGE 4096

/* Placed at the header's console_offset by the linker script. */
static union {
	struct wd_console_ring ring;
	u8 page[RING_PAGE];
} console_page __attribute__((section(".console"), aligned(RING_PAGE)));

static spinlock_t console_lock;
static bool uart_on;

void console_init(void)
{
	struct wd_console_ring *r = &console_page.ring;

	r->size = RING_PAGE - sizeof(*r);
	r->head = 0;
	WRITE_ONCE(r->magic, WD_CONSOLE_RING_MAGIC);
}

void console_enable_uart(bool on)
{
	uart_on = on;
}

/* head is published after the bytes so a reader never sees stale ones. */
static void ring_write(const char *s, size_t len)
{
	struct wd_console_ring *r = &console_page.ring;
	u64 head = r->head;

	while (len--)
		r->buf[head++ % r->size] = *s++;
	__atomic_store_n(&r->head, head, __ATOMIC_RELEASE);
}

void console_write(const char *s, size_t len)
{
	size_t i;

	spin_lock(&console_lock);
	ring_write(s, len);
	for (i = 0; uart_on && i < len; i++) {
		if (s[i] == '\n')
			arch_console_putc('\r');
		arch_console_putc(s[i]);
	}
	spin_unlock(&console_lock);
}

u64 console_ring_phys(void)
{
	return (u64)(unsigned long)&console_page;
}
